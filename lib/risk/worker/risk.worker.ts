/// <reference lib="webworker" />
import { createRiskHandler, transferables } from './handleRequest';

/** Browser Web Worker running the Monte Carlo off the UI thread (messages: lib/risk/protocol.ts). */
const handle = createRiskHandler();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<unknown>) => {
  const response = handle(event.data);
  scope.postMessage(response, transferables(response));
};
