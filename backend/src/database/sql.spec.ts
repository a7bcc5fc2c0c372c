import { describe, expect, it } from '@jest/globals';
import { numbered } from './sql.js';

describe(numbered.name, () => {
  it("numbers MikroORM's placeholders in order", () => {
    expect(numbered('select * from beds where shelter_id = ? and label = ? limit ?')).toBe(
      'select * from beds where shelter_id = $1 and label = $2 limit $3',
    );
  });

  it('leaves question marks inside quoted text and identifiers alone', () => {
    expect(
      numbered(`select 'why?' as "what?", 'it''s ?' from t where id = ? and note <> '?'`),
    ).toBe(`select 'why?' as "what?", 'it''s ?' from t where id = $1 and note <> '?'`);
  });
});
