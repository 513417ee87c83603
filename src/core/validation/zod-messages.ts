import { z } from "@hono/zod-openapi";
import { formatViNumber } from "../format/vi-number.js";

/**
 * Vietnamese messages for every Zod check that has no message of its own, installed once for the API
 * and the forms. Zod's maintained `vi` locale answers what is not overridden here; the overrides are
 * the messages people meet most, where the locale's wording reads as a translation ("Đầu vào không hợp
 * lệ: mong đợi number, nhận được string" names JavaScript types).
 */

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: "Phải là chuỗi ký tự.",
  number: "Phải là số.",
  int: "Phải là số nguyên.",
  bigint: "Phải là số nguyên.",
  boolean: "Phải là đúng hoặc sai (true/false).",
  array: "Phải là một danh sách.",
  object: "Phải là một đối tượng.",
  date: "Phải là ngày.",
};

const FORMATS: Record<string, string> = {
  email: "Địa chỉ thư điện tử không hợp lệ.",
  url: "Địa chỉ web không hợp lệ.",
  datetime: "Thời điểm không hợp lệ (ISO 8601, ví dụ 2020-01-02T21:49:00+07:00).",
  date: "Ngày không hợp lệ (YYYY-MM-DD).",
  time: "Giờ không hợp lệ (HH:MM).",
  regex: "Không đúng định dạng.",
};

const amount = (n: number | bigint) => (typeof n === "bigint" ? n.toString() : formatViNumber(n));

function tooSmall(issue: Extract<Issue, { code: "too_small" }>): string | undefined {
  const n = issue.minimum;
  switch (issue.origin) {
    case "string":
      return Number(n) <= 1 ? "Không được để trống." : `Tối thiểu ${amount(n)} ký tự.`;
    case "array":
    case "set":
      return Number(n) <= 1 ? "Cần ít nhất một mục." : `Cần ít nhất ${amount(n)} mục.`;
    case "number":
    case "int":
    case "bigint":
      return issue.inclusive ? `Không được nhỏ hơn ${amount(n)}.` : `Phải lớn hơn ${amount(n)}.`;
    default:
      return undefined;
  }
}

function tooBig(issue: Extract<Issue, { code: "too_big" }>): string | undefined {
  const n = issue.maximum;
  switch (issue.origin) {
    case "string":
      return `Tối đa ${amount(n)} ký tự.`;
    case "array":
    case "set":
      return `Tối đa ${amount(n)} mục.`;
    case "number":
    case "int":
    case "bigint":
      return issue.inclusive ? `Không được lớn hơn ${amount(n)}.` : `Phải nhỏ hơn ${amount(n)}.`;
    default:
      return undefined;
  }
}

/** The override for an issue, or undefined to let the `vi` locale answer. */
export function vietnameseMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return "Không được để trống.";
      if (issue.expected === "number" && typeof issue.input === "number" && !Number.isNaN(issue.input))
        return "Phải là một số hữu hạn.";
      return TYPE_NAMES[issue.expected];
    case "too_small":
      return tooSmall(issue);
    case "too_big":
      return tooBig(issue);
    case "invalid_value":
      return issue.values.length === 1
        ? `Phải là ${String(issue.values[0])}.`
        : `Giá trị không hợp lệ; chọn một trong: ${issue.values.map(String).join(", ")}.`;
    case "invalid_format":
      return FORMATS[issue.format];
    case "not_multiple_of":
      return `Phải là bội số của ${amount(issue.divisor)}.`;
    case "unrecognized_keys":
      return `Trường không được phép: ${issue.keys.join(", ")}.`;
    case "invalid_union":
    case "custom":
      return "Giá trị không hợp lệ.";
    default:
      return undefined;
  }
}

/** Installs the messages for the whole process (Zod keeps them in one global configuration). */
export function useVietnameseZodMessages(): void {
  z.config(z.locales.vi());
  z.config({ customError: vietnameseMessage });
}
