import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom, type Observable } from 'rxjs';
import { USER_STATUSES, type UserSummary } from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { ConfirmDialog, type ConfirmData } from '../../shared/ui/confirm-dialog';
import { LoadState } from '../../shared/ui/load-state';
import { TranslatedPaginatorIntl } from '../../shared/ui/translated-paginator-intl';
import { UserDialog, type UserDialogData } from './user-dialog';
import { UsersApi } from './users.api';
import { UsersStore } from './users.store';
import { valueOf } from '../../shared/data/value-of';

/** Administration of the people who use the app: invite, change, disable, delete. */
@Component({
  selector: 'aci-users-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatMenuModule,
    MatPaginatorModule,
    MatSelectModule,
    TranslocoPipe,
    LoadState,
  ],
  providers: [UsersStore, { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './admin.scss',
  template: `
    <div class="heading">
      <h1>{{ 'users.title' | transloco }}</h1>
      <button
        mat-flat-button
        type="button"
        (click)="invite()"
        [disabled]="!store.shelters.hasValue()"
      >
        {{ 'users.invite' | transloco }}
      </button>
    </div>
    <form class="filters" role="search" (submit)="$event.preventDefault(); search(box.value)">
      <mat-form-field>
        <mat-label>{{ 'users.search' | transloco }}</mat-label>
        <input #box matInput type="search" autocomplete="off" (keyup.enter)="search(box.value)" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'users.status' | transloco }}</mat-label>
        <mat-select
          [value]="store.status()"
          (selectionChange)="store.status.set($event.value); store.page.set(1)"
        >
          <mat-option value="">{{ 'users.allStatuses' | transloco }}</mat-option>
          @for (status of statuses; track status) {
            <mat-option [value]="status">{{ 'users.statuses.' + status | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <button mat-stroked-button type="submit">{{ 'common.search' | transloco }}</button>
    </form>

    @if (store.users.hasValue() && store.users.value(); as page) {
      @if (page.items.length > 0) {
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{{ 'users.name' | transloco }}</th>
                <th scope="col">{{ 'users.role' | transloco }}</th>
                <th scope="col">{{ 'users.status' | transloco }}</th>
                <th scope="col">{{ 'users.shelters' | transloco }}</th>
                <th scope="col">{{ 'users.lastSignIn' | transloco }}</th>
                <th scope="col">
                  <span class="cdk-visually-hidden">{{ 'common.actions' | transloco }}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              @for (user of page.items; track user.id) {
                <tr data-testid="user-row">
                  <th scope="row">
                    {{ user.givenName }} {{ user.familyName }}
                    <span class="meta">{{ user.email }}</span>
                  </th>
                  <td>{{ 'users.roles.' + user.role | transloco }}</td>
                  <td>
                    <span class="status" [class]="user.status">{{
                      'users.statuses.' + user.status | transloco
                    }}</span>
                  </td>
                  <td>{{ shelterNames(user) }}</td>
                  <td>
                    {{
                      user.lastSignInAt
                        ? (user.lastSignInAt | date: 'short' : undefined : locale())
                        : '—'
                    }}
                  </td>
                  <td>
                    @if (user.status !== 'deleted') {
                      <button mat-stroked-button type="button" [matMenuTriggerFor]="actions">
                        {{ 'common.actions' | transloco }}
                        <span class="cdk-visually-hidden">{{ user.email }}</span>
                      </button>
                      <mat-menu #actions="matMenu">
                        <button mat-menu-item type="button" (click)="edit(user)">
                          {{ 'common.edit' | transloco }}
                        </button>
                        @if (user.status === 'invited') {
                          <button mat-menu-item type="button" (click)="resend(user)">
                            {{ 'users.resend' | transloco }}
                          </button>
                        }
                        @if (user.status === 'disabled') {
                          <button mat-menu-item type="button" (click)="enable(user)">
                            {{ 'users.enable' | transloco }}
                          </button>
                        } @else if (user.id !== me()?.id) {
                          <button mat-menu-item type="button" (click)="disable(user)">
                            {{ 'users.disable' | transloco }}
                          </button>
                        }
                        @if (user.id !== me()?.id) {
                          <button mat-menu-item type="button" (click)="remove(user)">
                            {{ 'common.delete' | transloco }}
                          </button>
                        }
                      </mat-menu>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <mat-paginator
          [length]="page.total"
          [pageSize]="page.pageSize"
          [pageIndex]="page.page - 1"
          [hidePageSize]="true"
          (page)="turn($event)"
          [attr.aria-label]="'common.pages' | transloco"
        />
      } @else {
        <aci-load-state [empty]="true" emptyKey="users.none" />
      }
    } @else {
      <aci-load-state
        [loading]="store.users.isLoading()"
        [error]="store.users.error()"
        (retry)="store.users.reload()"
      />
    }
  `,
})
export class UsersPage {
  protected readonly store = inject(UsersStore);
  private readonly api = inject(UsersApi);
  private readonly dialogs = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly me = inject(SessionStore).user;
  protected readonly locale = inject(LanguageService).current;

  protected readonly statuses = USER_STATUSES;

  protected shelterNames(user: UserSummary): string {
    return user.shelters.map((shelter) => shelter.name).join(', ') || '—';
  }

  protected search(q: string): void {
    this.store.q.set(q.trim());
    this.store.page.set(1);
  }

  protected turn(event: PageEvent): void {
    this.store.page.set(event.pageIndex + 1);
  }

  protected async invite(): Promise<void> {
    await this.openUserDialog({ shelters: valueOf(this.store.shelters) ?? [] });
    this.store.users.reload();
  }

  protected async edit(user: UserSummary): Promise<void> {
    if (await this.openUserDialog({ user, shelters: valueOf(this.store.shelters) ?? [] })) {
      this.say('users.saved');
      this.store.users.reload();
    }
  }

  protected async resend(user: UserSummary): Promise<void> {
    await this.perform(this.api.resendInvitation(user.id), (result) => {
      const password = (result as { temporaryPassword?: string }).temporaryPassword;
      this.say(password ? 'users.resentWithPassword' : 'users.resent', { password });
    });
  }

  protected async disable(user: UserSummary): Promise<void> {
    if (await this.confirm('users.disableTitle', 'users.disableMessage', 'users.disable', user)) {
      await this.perform(this.api.disable(user.id), () => this.say('users.disabled'));
    }
  }

  protected async enable(user: UserSummary): Promise<void> {
    await this.perform(this.api.enable(user.id), () => this.say('users.enabled'));
  }

  protected async remove(user: UserSummary): Promise<void> {
    if (await this.confirm('users.deleteTitle', 'users.deleteMessage', 'common.delete', user)) {
      await this.perform(this.api.remove(user.id), () => this.say('users.deleted'));
    }
  }

  private async openUserDialog(data: UserDialogData): Promise<boolean> {
    const dialog = this.dialogs.open(UserDialog, { data, width: '34rem', maxWidth: '95vw' });

    return (await firstValueFrom(dialog.afterClosed())) === true;
  }

  private async confirm(title: string, message: string, confirm: string, user: UserSummary) {
    const data: ConfirmData = {
      title,
      message,
      confirm,
      params: { name: `${user.givenName} ${user.familyName}`, email: user.email },
    };
    const dialog = this.dialogs.open(ConfirmDialog, { data });

    return (await firstValueFrom(dialog.afterClosed())) === true;
  }

  private async perform(call: Observable<unknown>, done: (result: unknown) => void) {
    try {
      done(await firstValueFrom(call, { defaultValue: undefined }));
      this.store.users.reload();
    } catch (error) {
      this.say(describeError(error).key);
    }
  }

  private say(key: string, params?: Record<string, unknown>): void {
    this.snackBar.open(
      this.transloco.translate(key, params),
      this.transloco.translate('common.close'),
      {
        duration: 8000,
      },
    );
  }
}
