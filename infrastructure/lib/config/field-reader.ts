function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads one object of configuration that nothing has checked yet. Each bad field adds a problem
 * that names it by its full path, and reading goes on, so that one run reports every mistake.
 * A bad field reads as a neutral value; the caller throws once all fields are read.
 */
export class FieldReader {
  readonly #fields: Readonly<Record<string, unknown>>;
  readonly #path: string;
  readonly #problems: string[];

  constructor(value: unknown, path: string, problems: string[]) {
    this.#path = path;
    this.#problems = problems;

    if (isRecord(value)) {
      this.#fields = value;
    } else {
      this.#fields = {};
      problems.push(`${path} is required and must be an object`);
    }
  }

  /** The full path of a field, as problems name it. */
  pathOf(key: string): string {
    return `${this.#path}.${key}`;
  }

  /** Adds a problem about a field that the reader could not judge alone. */
  reject(key: string, message: string): void {
    this.#problems.push(`${this.pathOf(key)} ${message}`);
  }

  has(key: string): boolean {
    return this.#fields[key] !== undefined;
  }

  text(key: string, pattern: RegExp, expected: string): string {
    const value = this.#fields[key];

    if (value === undefined) {
      this.reject(key, 'is required');

      return '';
    }

    if (typeof value !== 'string' || !pattern.test(value)) {
      this.reject(key, `must be ${expected} (got ${JSON.stringify(value)})`);

      return '';
    }

    return value;
  }

  optionalText(key: string, pattern: RegExp, expected: string): string | undefined {
    return this.has(key) ? this.text(key, pattern, expected) : undefined;
  }

  integer(key: string, min: number, max: number): number {
    const value = this.#fields[key];

    if (value === undefined) {
      this.reject(key, 'is required');

      return 0;
    }

    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.reject(
        key,
        `must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`,
      );

      return 0;
    }

    return value;
  }

  optionalInteger(key: string, min: number, max: number): number | undefined {
    return this.has(key) ? this.integer(key, min, max) : undefined;
  }

  flag(key: string): boolean {
    const value = this.#fields[key];

    if (typeof value !== 'boolean') {
      this.reject(key, value === undefined ? 'is required' : 'must be true or false');

      return false;
    }

    return value;
  }

  choice<T extends string | number>(key: string, choices: readonly T[]): T {
    const value = this.#fields[key];

    if (!choices.includes(value as T)) {
      this.reject(
        key,
        value === undefined
          ? 'is required'
          : `must be one of ${choices.join(', ')} (got ${JSON.stringify(value)})`,
      );

      return choices[0];
    }

    return value as T;
  }

  list(key: string): readonly unknown[] {
    const value = this.#fields[key];

    if (!Array.isArray(value)) {
      this.reject(key, value === undefined ? 'is required' : 'must be a list');

      return [];
    }

    return value;
  }

  child(key: string): FieldReader {
    return new FieldReader(this.#fields[key], this.pathOf(key), this.#problems);
  }
}
