import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiError } from '@acimtl/contracts';
import { DomainError, type ErrorKind, RequestErrorCode } from '../errors/domain.error.js';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  'payload-too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  'unsupported-media-type': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  'rate-limited': HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const CODE_BY_STATUS: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: RequestErrorCode.MalformedBody,
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: RequestErrorCode.RouteNotFound,
  [HttpStatus.METHOD_NOT_ALLOWED]: RequestErrorCode.MethodNotAllowed,
  [HttpStatus.PAYLOAD_TOO_LARGE]: RequestErrorCode.PayloadTooLarge,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: RequestErrorCode.UnsupportedMediaType,
  [HttpStatus.TOO_MANY_REQUESTS]: 'RATE_LIMITED',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
};

/** An error that Fastify itself raised while reading the request (content type, size, JSON). */
interface FastifyClientError {
  statusCode: number;
  code?: string;
  message: string;
}

export interface ErrorResponse {
  body: ApiError;
  headers: Record<string, string>;
  /** True when the error is ours to fix: it must be logged with its stack. */
  unexpected: boolean;
}

/** Maps anything thrown while serving a request to the response the client gets. */
export function toErrorResponse(error: unknown, requestId: string): ErrorResponse {
  if (error instanceof DomainError) {
    const body: ApiError = {
      statusCode: STATUS_BY_KIND[error.kind],
      code: error.code,
      message: error.message,
      requestId,
    };
    if (error.details) {
      body.details = error.details;
    }

    return { body, headers: error.headers ?? {}, unexpected: false };
  }

  if (error instanceof HttpException) {
    const statusCode = error.getStatus();

    return clientError(
      statusCode,
      CODE_BY_STATUS[statusCode],
      httpExceptionMessage(error),
      requestId,
    );
  }

  if (isFastifyClientError(error)) {
    return clientError(error.statusCode, fastifyCode(error), error.message, requestId);
  }

  return {
    body: {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side. Quote the request id when reporting it.',
      requestId,
    },
    headers: {},
    unexpected: true,
  };
}

function clientError(
  statusCode: number,
  code: string | undefined,
  message: string,
  requestId: string,
): ErrorResponse {
  return {
    body: { statusCode, code: code ?? `HTTP_${statusCode}`, message, requestId },
    headers: {},
    unexpected: false,
  };
}

function httpExceptionMessage(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'object' && response !== null && 'message' in response) {
    const message = (response as { message: unknown }).message;

    return Array.isArray(message) ? message.join('; ') : String(message);
  }

  return error.message;
}

function isFastifyClientError(error: unknown): error is FastifyClientError {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const statusCode = (error as { statusCode?: unknown }).statusCode;

  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

function fastifyCode(error: FastifyClientError): string | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return RequestErrorCode.UnsupportedMediaType;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return RequestErrorCode.PayloadTooLarge;
    default:
      return CODE_BY_STATUS[error.statusCode];
  }
}
