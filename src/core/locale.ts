/**
 * luxon's locale, fixed. Left unset, luxon asks the system for it on first
 * use (an Intl lookup that costs ~20–30 ms of every start) and would read
 * month and weekday names in whatever language the machine is set to.
 * Postmortems are read the same way everywhere: in English. Imported for
 * its effect by the modules that reach luxon first (engine, config).
 */
import { Settings } from 'luxon';

Settings.defaultLocale = 'en-US';
