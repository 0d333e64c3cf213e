import './cli.js';
import './runtime/relay.js';
import 'redis';
