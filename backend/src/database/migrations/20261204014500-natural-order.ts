import { Migration } from '@mikro-orm/migrations';

export class Migration20261204014500_natural_order extends Migration {
  override name = 'Migration20261204014500_natural_order';

  override up(): void | Promise<void> {
    // Room names and bed labels in the order people read them: "Lit 2" before "Lit 10",
    // accents and case as in French.
    this.addSql(
      `create collation if not exists acimtl_natural (provider = icu, locale = 'fr-u-kn-true');`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop collation if exists acimtl_natural;`);
  }
}
