import fs from 'node:fs';
import path from 'node:path';
import type { HttpPostReply } from '../../../src/odoo/http-post';

/** A case of a recorded Odoo transcript (tests/fixtures/odoo-transcripts), as much as these tests read. */
export interface TranscriptCase {
  name: string;
  protocol: string;
  path: string;
  model?: string;
  method?: string;
  request_body: string;
  http_status: number;
  response_headers: { 'Content-Type'?: string; 'Set-Cookie'?: string[] };
  response_body: string;
}

export function transcriptCases(file: string): TranscriptCase[] {
  const full = path.resolve(__dirname, '../../fixtures/odoo-transcripts', file);
  return (JSON.parse(fs.readFileSync(full, 'utf8')) as { cases: TranscriptCase[] }).cases;
}

/** The recorded answer as http-post.ts hands it to a transport. */
export function replyOf(recorded: TranscriptCase): HttpPostReply {
  return {
    status: recorded.http_status,
    contentType: recorded.response_headers['Content-Type'] ?? '',
    body: recorded.response_body,
    setCookie: recorded.response_headers['Set-Cookie'] ?? [],
  };
}
