/**
 * Starts a throwaway Neo4j for the tests: the Community jars listed in `pom.xml`, fetched from
 * Maven Central by Maven (its own cache, ~/.m2, serves later runs), run by `Launcher.java` in
 * one JVM with a Bolt listener on a free loopback port. See README.md beside this file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pom = join(here, 'pom.xml');
const jarsDir = join(here, 'target', 'jars');
const stampFile = join(here, 'target', 'jars.sha256');

/** Java releases Neo4j 5.26 runs on. */
const SUPPORTED_JAVA = [17, 21];

/**
 * The flags Neo4j's own start scripts pass on Java 17, a capped heap (an uncapped one takes a
 * quarter of the machine's memory) and an exit rather than a limp on running out of it.
 */
function jvmFlags(heap: string): string[] {
  return [
    `-Xmx${heap}`,
    '-XX:+ExitOnOutOfMemoryError',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dlog4j2.disable.jmx=true',
  ];
}

export interface TestNeo4jOptions {
  /**
   * JVM heap cap (`-Xmx`), default `3g`: Neo4j lets one transaction use 70 % of it, and writing a
   * 20,000-actor organisation with 140,000 links (one transaction) takes more than 1.4 GB.
   */
  heap?: string;
  /** How long the database may take to answer after the JVM starts, default 180 s. */
  startTimeoutMs?: number;
  /** Progress lines (downloading, starting); default none. */
  log?: (line: string) => void;
}

export interface TestNeo4j {
  /** `bolt://127.0.0.1:<port>` (the same port also answers `neo4j://`). */
  uri: string;
  user: 'neo4j';
  password: string;
  /** As `CALL dbms.components()` reports it, e.g. `5.26.31 community`. */
  version: string;
  /** Seconds spent fetching jars (0 when they were in place) and starting the database. */
  timings: { fetchSeconds: number; startSeconds: number };
  /** Shuts the database down (SIGTERM) and removes its files. */
  stop(): Promise<void>;
}

/** Java or Maven is missing or unusable: nothing could be started. */
export class TestNeo4jUnavailable extends Error {
  override readonly name = 'TestNeo4jUnavailable';
}

interface Finished {
  code: number | null;
  output: string;
}

/** Runs a command to its end, collecting stdout and stderr together. */
function collect(command: string, args: string[]): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

function javaCommand(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

async function checkJava(java: string): Promise<void> {
  const result = await collect(java, ['-version']).catch((error: NodeJS.ErrnoException) => {
    throw new TestNeo4jUnavailable(`Java is not installed (${java}: ${error.code ?? error.message}).`);
  });
  const major = Number(/version "(\d+)/.exec(result.output)?.[1]);
  if (!SUPPORTED_JAVA.includes(major)) {
    throw new TestNeo4jUnavailable(
      `Neo4j 5.26 needs Java ${SUPPORTED_JAVA.join(' or ')}; ${java} is Java ${major || 'of unknown version'}. Set JAVA_HOME to a JDK 17.`,
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Maven Central answers bursts with HTTP 429; a transfer can also just fail. Both are worth a retry. */
const RETRYABLE = /\b429\b|Too Many Requests|Could not transfer|transfer failed|Connection reset|timed out/i;
const RETRY_PAUSES_MS = [10_000, 30_000, 60_000];

/**
 * The jars, copied out of Maven's cache into `target/jars` unless those already match the POM
 * (a stamp holds the POM's hash).
 * @returns seconds spent, 0 when the jars were in place.
 */
async function fetchJars(log: (line: string) => void): Promise<number> {
  const pomHash = createHash('sha256').update(readFileSync(pom)).digest('hex');
  if (existsSync(jarsDir) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === pomHash) return 0;
  const started = performance.now();
  const staging = `${jarsDir}.partial`;
  for (let attempt = 0; ; attempt += 1) {
    rmSync(staging, { recursive: true, force: true });
    log(`test-neo4j: fetching the Neo4j jars with Maven${attempt > 0 ? ` (attempt ${attempt + 1})` : ''}`);
    const result = await collect('mvn', [
      '-B',
      '-q',
      '-f',
      pom,
      'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies',
      // Runtime scope: the record storage engine is a runtime dependency of org.neo4j:neo4j.
      '-DincludeScope=runtime',
      `-DoutputDirectory=${staging}`,
    ]).catch((error: NodeJS.ErrnoException) => {
      throw new TestNeo4jUnavailable(`Maven is not installed (mvn: ${error.code ?? error.message}).`);
    });
    if (result.code === 0) break;
    const pause = RETRY_PAUSES_MS[attempt];
    if (pause === undefined || !RETRYABLE.test(result.output)) {
      throw new Error(`test-neo4j: Maven could not fetch the jars:\n${result.output.slice(-4000)}`);
    }
    log(`test-neo4j: Maven Central refused or failed a transfer; retrying in ${pause / 1000} s`);
    await sleep(pause);
  }
  rmSync(jarsDir, { recursive: true, force: true });
  renameSync(staging, jarsDir);
  writeFileSync(stampFile, pomHash);
  return (performance.now() - started) / 1000;
}

/** Resolves when the child has exited (at once if it already has). */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Fetches (when needed) and starts a Neo4j with a fresh database in a temporary folder.
 * @throws TestNeo4jUnavailable when Java or Maven is missing; Error when the database does not
 *   start in time (with the end of its output).
 */
export async function startTestNeo4j(options: TestNeo4jOptions = {}): Promise<TestNeo4j> {
  const log = options.log ?? (() => undefined);
  const java = javaCommand();
  await checkJava(java);
  const fetchSeconds = await fetchJars(log);

  const home = mkdtempSync(join(tmpdir(), 'kk-neo4j-'));
  const password = `test-${createHash('sha256').update(home).update(String(Math.random())).digest('hex').slice(0, 20)}`;
  const started = performance.now();
  log('test-neo4j: starting Neo4j');
  // stdin stays an open pipe: the launcher stops when it closes, so a killed parent leaves no JVM.
  const child = spawn(
    java,
    [...jvmFlags(options.heap ?? '3g'), '-cp', join(jarsDir, '*'), join(here, 'Launcher.java'), home, password],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderrTail = '';
  child.stderr.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-8000)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited(child);
      clearTimeout(killed);
    }
    rmSync(home, { recursive: true, force: true });
  };

  try {
    const ready = await new Promise<{ uri: string; version: string }>((resolve, reject) => {
      const timeoutMs = options.startTimeoutMs ?? 180_000;
      const timer = setTimeout(
        () => reject(new Error(`test-neo4j: Neo4j did not start within ${timeoutMs / 1000} s:\n${stderrTail}`)),
        timeoutMs,
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /^READY (\S+) (.+)$/m.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve({ uri: match[1]!, version: match[2]!.trim() });
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(
            `test-neo4j: the JVM ended (${signal ?? `exit code ${code}`}) before Neo4j was ready:\n${stderrTail}`,
          ),
        );
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    return {
      ...ready,
      user: 'neo4j',
      password,
      timings: { fetchSeconds, startSeconds: (performance.now() - started) / 1000 },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
