/** The body of every error the API answers with. */
export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  requestId: string;
  /** Per-field messages when the request body or parameters were invalid. */
  details?: FieldError[];
}

/** One invalid field of a request, named by its path (`address.postalCode`). */
export interface FieldError {
  field: string;
  messages: string[];
}
