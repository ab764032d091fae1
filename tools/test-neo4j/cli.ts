/**
 * `npm run neo4j:test`: starts the test Neo4j and prints its NEO4J_URI, NEO4J_USER and
 * NEO4J_PASSWORD, then runs until Ctrl+C or SIGTERM.
 * `npm run neo4j:test -- <command…>`: starts it, runs the command with those variables set,
 * stops it (also when the command fails) and exits with the command's code.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

import { startTestNeo4j, type TestNeo4j, TestNeo4jUnavailable } from './test-neo4j.ts';

const command = process.argv.slice(2);
const log = (line: string) => process.stderr.write(`${line}\n`);

let neo4j: TestNeo4j;
try {
  neo4j = await startTestNeo4j({ log });
} catch (error) {
  const reason = error instanceof TestNeo4jUnavailable ? `${error.message} Install a JDK 17 and Maven.` : String(error);
  log(`test-neo4j: NO Neo4j could be started. ${reason}`);
  process.exit(1);
}
const { fetchSeconds, startSeconds } = neo4j.timings;
log(
  `test-neo4j: Neo4j ${neo4j.version} on ${neo4j.uri} ` +
    `(jars ${fetchSeconds > 0 ? `fetched in ${fetchSeconds.toFixed(1)} s` : 'already in place'}, started in ${startSeconds.toFixed(1)} s)`,
);
// KK_NEO4J_DISPOSABLE: this database may be emptied; the tests and benchmarks empty the one they run on.
const env = {
  NEO4J_URI: neo4j.uri,
  NEO4J_USER: neo4j.user,
  NEO4J_PASSWORD: neo4j.password,
  KK_NEO4J_DISPOSABLE: 'true',
};

let stopping: Promise<void> | null = null;
const stop = () => (stopping ??= neo4j.stop());

if (command.length === 0) {
  for (const [key, value] of Object.entries(env)) process.stdout.write(`${key}=${value}\n`);
  log('test-neo4j: running until Ctrl+C');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await stop();
} else {
  const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env: { ...process.env, ...env } });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number>((resolve) => {
    child.on('error', (error) => {
      log(`test-neo4j: could not run ${command[0]}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
  await stop();
  log('test-neo4j: Neo4j stopped');
  process.exit(code);
}
