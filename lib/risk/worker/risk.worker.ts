/// <reference lib="webworker" />
import { createRiskHandler } from './handleRequest';

/** Browser Web Worker running the Monte Carlo off the UI thread (messages: lib/risk/protocol.ts). */
const handle = createRiskHandler();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<unknown>) => {
  scope.postMessage(handle(event.data));
};
