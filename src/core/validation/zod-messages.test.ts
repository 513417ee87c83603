import { z } from "@hono/zod-openapi";
import { beforeAll, describe, expect, it } from "vitest";
import { useVietnameseZodMessages } from "./zod-messages.js";

const messageOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected a failure");
  return result.error.issues[0]?.message;
};

describe("Vietnamese Zod messages", () => {
  beforeAll(() => useVietnameseZodMessages());

  it.each([
    [z.number(), "12", "Phải là số."],
    [z.number(), Number.NaN, "Phải là số."],
    [z.number(), Number.POSITIVE_INFINITY, "Phải là một số hữu hạn."],
    [z.number().int(), 1.5, "Phải là số nguyên."],
    [z.string(), undefined, "Không được để trống."],
    [z.object({ a: z.string() }), {}, "Không được để trống."],
    [z.string().min(1), "", "Không được để trống."],
    [z.string().min(3), "ab", "Tối thiểu 3 ký tự."],
    [z.string().max(300), "x".repeat(301), "Tối đa 300 ký tự."],
    [z.number().max(2_147_483_647), 2 ** 31, "Không được lớn hơn 2.147.483.647."],
    [z.number().positive(), 0, "Phải lớn hơn 0."],
    [z.array(z.string()).min(1), [], "Cần ít nhất một mục."],
    [z.enum(["unit", "children"]), "x", "Giá trị không hợp lệ; chọn một trong: unit, children."],
    [z.strictObject({}), { x: 1 }, "Trường không được phép: x."],
    [z.email(), "a@", "Địa chỉ thư điện tử không hợp lệ."],
    [z.boolean(), "yes", "Phải là đúng hoặc sai (true/false)."],
  ])("%#: says it in Vietnamese", (schema, value, message) => {
    expect(messageOf(schema, value)).toBe(message);
  });

  it("leaves the rest to Zod's maintained vi locale", () => {
    expect(messageOf(z.string().startsWith("A"), "b")).toBe('Chuỗi không hợp lệ: phải bắt đầu bằng "A"');
  });

  it("keeps a schema's own message first", () => {
    expect(messageOf(z.string().max(2, { error: "Tên quá dài." }), "abc")).toBe("Tên quá dài.");
  });
});
