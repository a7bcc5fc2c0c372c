import { Migration } from '@mikro-orm/migrations';

export class Migration20261204021442_client_history extends Migration {
  override name = 'Migration20261204021442_client_history';

  override up(): void | Promise<void> {
    this.addSql(
      `create index "stays_client_id_checked_in_at_index" on "stays" ("client_id", "checked_in_at");`,
    );

    this.addSql(`create index "holds_client_id_index" on "holds" ("client_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "holds_client_id_index";`);

    this.addSql(`drop index "stays_client_id_checked_in_at_index";`);
  }
}
