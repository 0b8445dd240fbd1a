// bottleneck/light.js is the same API as bottleneck without the Redis
// clustering; the throttling plugin uses it, so we do too.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
