/**
 * The change feed's requests in an endpoint's smoke flow (docs/changes.md), the way a sync client
 * uses it: start the feed (no cursor) before the flow's create and keep `next_cursor`, ask again
 * with that cursor after the create (the new record must be in the page), then send a damaged
 * cursor: the collection's one deliberate error (400 INVALID_CURSOR), named so by DELIBERATE_ERROR.
 */
import { PostmanRequestSpec } from './postman-request';
import { statusTests } from './postman-scripts';

const PARSE_BODY = 'const body = pm.response.json();';

/** In the name of every request that must answer an error: a runner tells them from failures by it. */
export const DELIBERATE_ERROR = '(deliberate 400)';

/** The record the flow created between the two feed calls: its identifier key and the variable holding it. */
export interface CreatedRecord {
  key: string;
  idVariable: string;
}

export class FeedRequests {
  private readonly path: string[];
  private readonly cursorVariable: string;

  constructor(
    private readonly endpointName: string,
    collectionPath: string[],
  ) {
    this.path = [...collectionPath, 'changes'];
    this.cursorVariable = `${endpointName}_cursor`;
  }

  /** No cursor: an empty page and a cursor that starts now. */
  start(): PostmanRequestSpec {
    return {
      name: `Start the change feed of ${this.endpointName}`,
      method: 'GET',
      path: this.path,
      tests: [
        ...this.pageTests(),
        "pm.test('no cursor: the feed starts now, empty', () => pm.expect(body.count).to.equal(0));",
      ],
    };
  }

  /** With the stored cursor: what changed since (the created record, when there is one to look for). */
  sinceCursor(created: CreatedRecord | undefined): PostmanRequestSpec {
    const lines = this.pageTests();
    if (created) {
      lines.push(
        "pm.test('the record created since the cursor is in the page', () => {",
        `  const wanted = String(pm.collectionVariables.get('${created.idVariable}'));`,
        `  pm.expect(body.data.map((record) => String(record[${JSON.stringify(created.key)}]))).to.include(wanted);`,
        '});',
      );
    }
    return {
      name: `Changes of ${this.endpointName} since the cursor`,
      method: 'GET',
      path: this.path,
      query: [{ key: 'cursor', value: `{{${this.cursorVariable}}}` }],
      tests: lines,
    };
  }

  /** The stored cursor cut in half: still URL-safe text, no longer a cursor the feed handed out. */
  damagedCursor(): PostmanRequestSpec {
    const damaged = `${this.cursorVariable}_damaged`;
    return {
      name: `Changes of ${this.endpointName} with a damaged cursor ${DELIBERATE_ERROR}`,
      method: 'GET',
      path: this.path,
      query: [{ key: 'cursor', value: `{{${damaged}}}` }],
      preRequest: [
        `const cursor = String(pm.collectionVariables.get('${this.cursorVariable}'));`,
        `pm.collectionVariables.set('${damaged}', cursor.slice(0, Math.floor(cursor.length / 2)));`,
      ],
      tests: [
        ...statusTests(400),
        PARSE_BODY,
        "pm.test('the cursor is refused, by name', () => {",
        '  pm.expect(body.success).to.equal(false);',
        "  pm.expect(body.status_code).to.equal('INVALID_CURSOR');",
        "  pm.expect(body.line_id).to.equal('cursor');",
        '});',
      ],
    };
  }

  /** Status and shape of a page; its next_cursor is kept once the checks ran (a client stores it after applying the page). */
  private pageTests(): string[] {
    return [
      ...statusTests(200),
      PARSE_BODY,
      "pm.test('a page of changes', () => {",
      '  pm.expect(body.success).to.equal(true);',
      "  pm.expect(body.data).to.be.an('array');",
      '  pm.expect(body.count).to.equal(body.data.length);',
      "  pm.expect(body.next_cursor).to.be.a('string').and.not.empty;",
      "  pm.expect(body.has_more).to.be.a('boolean');",
      '});',
      `pm.collectionVariables.set('${this.cursorVariable}', body.next_cursor);`,
    ];
  }
}
