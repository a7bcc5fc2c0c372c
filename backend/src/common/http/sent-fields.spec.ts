import { describe, expect, it } from '@jest/globals';
import { sentFields } from './sent-fields.js';

class UpdateRoom {
  name?: string = undefined;
  active?: boolean = undefined;
}

describe(sentFields.name, () => {
  it('keeps only the fields that were sent, false and null included', () => {
    const dto = Object.assign(new UpdateRoom(), { active: false });

    expect(sentFields(dto)).toEqual({ active: false });
    expect(sentFields({ name: null, active: undefined })).toEqual({ name: null });
  });
});
