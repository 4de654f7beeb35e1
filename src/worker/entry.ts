/// <reference lib="webworker" />
/** The parsing worker: serves the UI's requests on its own global scope. */
import { serveRequests, type RequestPort } from './serve';

serveRequests(self as unknown as RequestPort);
