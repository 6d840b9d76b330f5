// The one server-side DOM every chart is drawn into. Plot renders through its `document` option
// (as in Plot's own test/document-test.js); creating the document once keeps a render to a few ms.
import { parseHTML } from 'linkedom';

const window = parseHTML('<!doctype html><html><head></head><body></body></html>');

/** Typed as the browser `Document` Plot expects; linkedom implements the part Plot uses. */
export const document = window.document as unknown as Document;
