import { Injectable } from '@angular/core';
import { DefaultTranspiler, type TranspileParams } from '@jsverse/transloco';
import { DEFAULT_LOCALE } from '@acimtl/contracts';

type Params = Record<string, unknown>;

const ARGUMENT = /\{\s*([\w.]+)\s*,\s*(plural|select)\s*,/y;

/**
 * Resolves the ICU `plural` and `select` arguments of a message, e.g.
 * `{n, plural, =0 {no bed} one {# bed} other {# beds}}`, with the plural rules of `locale`.
 * `#` stands for the number, formatted for the locale. Anything else, `{{ name }}`
 * placeholders included, is left as it is.
 */
export function resolveIcu(message: string, params: Params, locale: string): string {
  let resolved = '';
  let at = 0;

  while (at < message.length) {
    const start = message.indexOf('{', at);
    if (start < 0) {
      break;
    }
    ARGUMENT.lastIndex = start;
    const argument = ARGUMENT.exec(message);
    if (!argument) {
      // A `{{ placeholder }}` or a lone brace: kept, and read past.
      resolved += message.slice(at, start + 1);
      at = start + 1;
      continue;
    }

    const [, name, kind] = argument;
    const { options, end } = readOptions(message, ARGUMENT.lastIndex);
    resolved += message.slice(at, start) + choose(kind, options, params[name], locale);
    at = end;
  }

  return resolved + message.slice(at);
}

function readOptions(message: string, from: number) {
  const options = new Map<string, string>();
  const option = /\s*(=?[\w-]+)\s*\{/y;
  let at = from;

  for (;;) {
    const close = /\s*\}/y;
    close.lastIndex = at;
    if (close.exec(message)) {
      return { options, end: close.lastIndex };
    }
    option.lastIndex = at;
    const found = option.exec(message);
    if (!found) {
      throw new Error(`Malformed ICU argument in "${message}"`);
    }
    const bodyStart = option.lastIndex;
    let depth = 1;
    let i = bodyStart;
    for (; i < message.length && depth > 0; i++) {
      depth += message[i] === '{' ? 1 : message[i] === '}' ? -1 : 0;
    }
    if (depth > 0) {
      throw new Error(`Unbalanced braces in "${message}"`);
    }
    options.set(found[1], message.slice(bodyStart, i - 1));
    at = i;
  }
}

function choose(
  kind: string,
  options: Map<string, string>,
  value: unknown,
  locale: string,
): string {
  if (kind === 'select') {
    return resolveIcu(options.get(String(value)) ?? options.get('other') ?? '', {}, locale);
  }

  const count = Number(value);
  const chosen =
    options.get(`=${count}`) ??
    options.get(new Intl.PluralRules(locale).select(count)) ??
    options.get('other') ??
    '';
  const number = new Intl.NumberFormat(locale).format(count);

  return resolveIcu(chosen, {}, locale).replaceAll('#', number);
}

/**
 * Transloco's interpolation, with ICU plural and select arguments first, so that a count
 * reads right in the singular and the plural of the language in use.
 */
@Injectable()
export class IcuTranspiler extends DefaultTranspiler {
  private locale: string = DEFAULT_LOCALE;

  override transpile(params: TranspileParams): unknown {
    const { value } = params;
    if (typeof value === 'string' && value.includes(',')) {
      return super.transpile({
        ...params,
        value: resolveIcu(value, (params.params ?? {}) as Params, this.locale),
      });
    }

    return super.transpile(params);
  }

  onLangChanged(lang: string): void {
    this.locale = lang;
  }
}
