/**
 * The part of autocannon's API the catalog benchmark uses (the package ships no types, and
 * @types/autocannon is not a dependency).
 */
declare module 'autocannon' {
  /** A request as autocannon builds it; `setupRequest` may change its path. */
  interface Request {
    method?: string;
    path?: string;
    [key: string]: unknown;
  }
  /** Options of a run. */
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    requests?: { method?: string; setupRequest?: (request: Request) => Request }[];
  }
  /** The summary of a run (latencies in ms). */
  interface Result {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number; average: number };
    non2xx: number;
    errors: number;
  }
  /** Runs a load test. */
  function autocannon(options: Options): Promise<Result>;
  // The package's CommonJS export is the function itself (a declaration, not our code's default export).
  // eslint-disable-next-line no-restricted-syntax
  export default autocannon;
}
