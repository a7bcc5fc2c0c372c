import { ChangeDetectionStrategy, Component, input, resource } from '@angular/core';

/** A QR code's dark modules as one SVG path, on a grid of `size` by `size` modules. */
interface QrPath {
  size: number;
  d: string;
}

/**
 * A QR code of `text`, drawn as an SVG path. The encoder is loaded only when a code is shown,
 * so it costs nothing to the pages that never show one.
 */
@Component({
  selector: 'aci-qr-code',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (qr.value(); as qr) {
      <svg
        [attr.viewBox]="'0 0 ' + qr.size + ' ' + qr.size"
        role="img"
        [attr.aria-label]="label()"
        shape-rendering="crispEdges"
      >
        <rect [attr.width]="qr.size" [attr.height]="qr.size" fill="#fff" />
        <path [attr.d]="qr.d" fill="#000" />
      </svg>
    }
  `,
  styles: `
    :host {
      display: block;
      width: 12rem;
      max-width: 100%;
    }

    svg {
      display: block;
      width: 100%;
      height: auto;
    }
  `,
})
export class QrCode {
  readonly text = input.required<string>();
  /** What a screen reader says instead of the picture. */
  readonly label = input.required<string>();

  protected readonly qr = resource({
    params: () => this.text(),
    loader: async ({ params: text }): Promise<QrPath> => {
      const { encode } = await import('uqr');
      // Border of 4 modules: the quiet zone scanners expect around a code.
      const { data, size } = encode(text, { ecc: 'M', border: 4 });
      const modules = data.flatMap((row, y) =>
        row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : '')),
      );

      return { size, d: modules.join('') };
    },
  });
}
