/**
 * Odoo's exceptions as the simulator raises them. One OdooFault carries everything both wires need:
 * the XML-RPC fault code (1 application error, 2 UserError family, 3 AccessDenied, 4 AccessError),
 * the Python exception's qualified name (JSON-RPC `data.name`), `str(e)` (JSON-RPC `data.message`)
 * and the traceback Odoo would print (XML-RPC faultString for code 1, JSON-RPC `data.debug`).
 * Tracebacks are cut to their exception lines, as in the recorded transcripts.
 */
import { pyRepr, pyTuple } from '../wire/py-repr';

const HEAD = 'Traceback (most recent call last):\n  ...\n';

export class OdooFault extends Error {
  constructor(
    readonly code: number,
    /** Qualified Python class name: `builtins.ValueError`, `odoo.exceptions.UserError`. */
    readonly exception: string,
    message: string,
    /** The traceback text; defaults to the exception line alone. */
    readonly traceback: string = HEAD + exceptionLine(exception, message),
  ) {
    super(message);
    this.name = 'OdooFault';
  }

  /** What `/xmlrpc/2` puts in faultString: the traceback for code 1, `str(e)` otherwise. */
  get faultString(): string {
    return this.code === 1 ? this.traceback : this.message;
  }
}

/** Python prints builtins without their module: `ValueError: ...` but `odoo.exceptions.UserError: ...`. */
function exceptionLine(exception: string, message: string): string {
  const shown = exception.startsWith('builtins.') ? exception.slice(9) : exception;
  return `${shown}: ${message}`;
}

export function valueError(message: string): OdooFault {
  return new OdooFault(1, 'builtins.ValueError', message);
}

export function typeError(message: string): OdooFault {
  return new OdooFault(1, 'builtins.TypeError', message);
}

export function attributeError(message: string): OdooFault {
  return new OdooFault(1, 'builtins.AttributeError', message);
}

/** A lookup that failed with KeyError and was re-raised as ValueError (create with an unknown field). */
export function keyThenValueError(key: string, message: string): OdooFault {
  const tb =
    `${HEAD}KeyError: ${pyRepr(key)}\nDuring handling of the above exception, another exception occurred:\n` +
    `Traceback (most recent call last):\nValueError: ${message}`;
  return new OdooFault(1, 'builtins.ValueError', message, tb);
}

export function unknownField(model: string, field: string, inCreate: boolean): OdooFault {
  const message = `Invalid field ${pyRepr(field)} on model ${pyRepr(model)}`;
  return inCreate ? keyThenValueError(field, message) : valueError(message);
}

export function missingError(model: string, ids: readonly number[], uid: number): OdooFault {
  const message =
    'Record does not exist or has been deleted.\n' +
    `(Record: ${model}${pyTuple(ids.slice(0, 6))}, User: ${uid})`;
  return new OdooFault(2, 'odoo.exceptions.MissingError', message);
}

export function userError(message: string): OdooFault {
  return new OdooFault(2, 'odoo.exceptions.UserError', message);
}

export function validationError(message: string): OdooFault {
  return new OdooFault(2, 'odoo.exceptions.ValidationError', message);
}

export function accessDenied(): OdooFault {
  return new OdooFault(3, 'odoo.exceptions.AccessDenied', 'Access Denied');
}

export function accessError(message: string): OdooFault {
  return new OdooFault(4, 'odoo.exceptions.AccessError', message);
}

/** A foreign key violation as Odoo words it (misleadingly, also for a create/write of a bad id). */
export function foreignKeyError(modelDescription: string, model: string, constraint: string): OdooFault {
  return validationError(
    'The operation cannot be completed: another model requires the record being deleted. ' +
      `If possible, archive it instead.\n\nModel: ${modelDescription} (${model})\nConstraint: ${constraint}\n`,
  );
}

/** A NOT NULL violation: a required field left empty. */
export function notNullError(
  modelDescription: string,
  model: string,
  fieldLabel: string,
  field: string,
): OdooFault {
  return validationError(
    'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n' +
      '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
      `Model: ${modelDescription} (${model})\nField: ${fieldLabel} (${field})\n`,
  );
}

/** The database named in the call does not exist (psycopg2 text, without host and port). */
export function unknownDatabase(db: string): OdooFault {
  const message = `connection to server failed: FATAL:  database "${db}" does not exist`;
  const tb =
    `${HEAD}KeyError: ${pyRepr(db)}\nDuring handling of the above exception, another exception occurred:\n` +
    `Traceback (most recent call last):\npsycopg2.OperationalError: ${message}`;
  return new OdooFault(1, 'psycopg2.OperationalError', message, tb);
}

/** A fault injected by a test: code and message as given, classified like Odoo would by code. */
export function injectedFault(code: number, message: string): OdooFault {
  const names: Record<number, string> = {
    2: 'odoo.exceptions.UserError',
    3: 'odoo.exceptions.AccessDenied',
    4: 'odoo.exceptions.AccessError',
  };
  const fault = new OdooFault(code, names[code] ?? 'builtins.Exception', message, message);
  return fault;
}
