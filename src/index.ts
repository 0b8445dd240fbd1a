/** Entry point of `dist/index.js`, the action the runner starts. */
import { run } from './main.js';

void run();
