import type { Child } from "hono/jsx";
import type { FieldErrors } from "../http/errors.js";

/** The hidden field every form posts back for CSRF protection. */
export function CsrfInput({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A summary at the top of a form that failed, linking to each field (WCAG 3.3.1). */
export function ErrorSummary({ errors, labels }: { errors?: FieldErrors; labels?: Record<string, string> }) {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>Vui lòng sửa các lỗi sau</h2>
      <ul>
        {Object.entries(errors).map(([field, message]) => (
          <li>
            <a href={`#f-${field}`}>{labels?.[field] ? `${labels[field]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  value?: string | null;
  error?: string;
  hint?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  multiline?: boolean;
  rows?: number;
  accept?: string;
}

/**
 * The frame every labelled control shares: the label on top, the error message under the control and
 * tied to it by id (`${id}-error`), and the `has-error` class that colours both.
 */
export function FieldFrame(props: {
  id: string;
  label: string;
  error?: string;
  required?: boolean;
  children?: Child;
}) {
  return (
    <div class={props.error ? "field has-error" : "field"}>
      <label for={props.id}>
        {props.label}
        {props.required ? <span class="required"> (bắt buộc)</span> : null}
      </label>
      {props.children}
      {props.error ? (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** The attributes that tell screen readers a control is invalid and where its message is. */
export function errorAria(id: string, error?: string) {
  return {
    "aria-invalid": error ? "true" : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
  };
}

/** A labelled input whose error message sits right under it and is tied to it for screen readers. */
export function Field(props: FieldProps) {
  const id = `f-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  const common = {
    id,
    name: props.name,
    required: props.required,
    "aria-invalid": props.error ? "true" : undefined,
    "aria-describedby": describedBy || undefined,
  };
  return (
    <FieldFrame id={id} label={props.label} error={props.error} required={props.required}>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 8}>
          {props.value ?? ""}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.type ?? "text"}
          value={props.type === "file" || props.type === "password" ? undefined : (props.value ?? "")}
          autocomplete={props.autocomplete}
          accept={props.accept}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | null;
  error?: string;
  required?: boolean;
  children?: Child;
}) {
  const id = `f-${props.name}`;
  // The label of a select has never carried the "(bắt buộc)" mark: `required` goes to the select alone.
  return (
    <FieldFrame id={id} label={props.label} error={props.error}>
      <select id={id} name={props.name} required={props.required} {...errorAria(id, props.error)}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A one-line notice after a successful action (`?ok=…` in the URL). */
export function Notice({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p class="notice" role="status">
      {message}
    </p>
  );
}
