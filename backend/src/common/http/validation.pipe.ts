import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@acimtl/contracts';
import { RequestError, RequestErrorCode } from '../errors/domain.error.js';

/**
 * The one validation pipe of the API: unknown fields are refused rather than silently dropped,
 * and values are converted to the declared types (path and query parameters arrive as text).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const summary = details.map((detail) => detail.messages.join(', ')).join('; ');

      return new RequestError(
        'invalid',
        RequestErrorCode.ValidationFailed,
        `Invalid request: ${summary}`,
        details,
      );
    },
  });
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];

    return [...own, ...flatten(error.children ?? [], field)];
  });
}
