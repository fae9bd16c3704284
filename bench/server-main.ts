/** Runs the server bench in a process of its own (bench/run.ts spawns it) and prints its figures as JSON. */
import { benchServer } from './server.js';

process.stdout.write(JSON.stringify(await benchServer()));
