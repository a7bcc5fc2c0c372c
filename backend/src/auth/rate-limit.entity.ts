import { defineEntity, p } from '@mikro-orm/core';

const RateLimitWindowSchema = defineEntity({
  name: 'RateLimitWindow',
  tableName: 'rate_limit_windows',
  properties: {
    /** What is limited and for whom, e.g. `sign-in:address:203.0.113.9`; e-mails are hashed. */
    key: p.string().length(200).primary(),
    startedAt: p.datetime(),
    hits: p.integer(),
  },
});

export class RateLimitWindow extends RateLimitWindowSchema.class {}
RateLimitWindowSchema.setClass(RateLimitWindow);
