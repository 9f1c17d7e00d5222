import { describe, expect, it } from 'vitest';
import { SourceSchema } from '../../../lib/sources';

describe('SourceSchema', () => {
  it('rejects a source without a url', () => {
    expect(SourceSchema.safeParse({ title: 'x' }).success).toBe(false);
  });
});
