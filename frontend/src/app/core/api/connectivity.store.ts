import { Injectable, signal } from '@angular/core';

/** Whether the API answered the last request: the shell shows a banner while it does not. */
@Injectable({ providedIn: 'root' })
export class ConnectivityStore {
  readonly apiDown = signal(false);
}
