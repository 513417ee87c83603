import { z } from "@hono/zod-openapi";
import { COMPARABLE_RULES } from "../comparable/comparable-base.math.js";
import { COLUMN_KINDS } from "./compare.rules.js";

/** The comparison API's query and answer (GET /api/v1/indicators/{code}/comparison). */

const year = (description: string) =>
  z
    .string()
    .regex(/^\d{4}$/, { error: "Năm phải là số có 4 chữ số, ví dụ 2019." })
    .optional()
    .openapi({ description, example: "2015" });

export const ComparisonQuery = z.object({
  units: z
    .string()
    .regex(/^\d{1,10}(,\d{1,10})*$/, { error: "Danh sách mã đơn vị cách nhau bởi dấu phẩy, ví dụ 12,13." })
    .optional()
    .openapi({
      description:
        "Mã (id) các đơn vị, cách nhau bởi dấu phẩy. Bỏ trống: các đơn vị trực thuộc đơn vị được phân quyền của người gọi (tại cuối năm `to`).",
      example: "12,13,14",
    }),
  from: year("Năm đầu (mặc định: `to` − 4)."),
  to: year("Năm cuối (mặc định: năm gần nhất có số liệu đã phê duyệt)."),
  columns: z
    .enum(COLUMN_KINDS)
    .optional()
    .openapi({ description: "Cột theo năm (mặc định), quý, tháng hoặc lũy kế n tháng đầu năm." }),
  sort: z
    .string()
    .max(20)
    .optional()
    .openapi({ description: "`name` (mặc định) hoặc mã kỳ của một cột (`2019`) để sắp xếp các dòng." }),
  order: z.enum(["asc", "desc"]).optional().openapi({ description: "Chiều sắp xếp (mặc định `asc`)." }),
});

const CellSchema = z.object({
  value: z
    .number()
    .nullable()
    .openapi({ description: "Làm tròn theo `precision` của chỉ tiêu; null: chưa có." }),
  estimate: z.boolean().openapi({ description: "true: số ước thực hiện (không có số chính thức)." }),
});

export const ComparisonSchema = z
  .object({
    indicator: z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      unitOfMeasure: z.string(),
      direction: z.string(),
      rule: z.enum(COMPARABLE_RULES).openapi({
        description: "Cách gộp các đơn vị: `sum` tổng, `weighted_mean` bình quân, `none` không gộp.",
      }),
    }),
    from: z.number().int(),
    to: z.number().int(),
    columns: z.array(z.object({ key: z.string(), label: z.string() })),
    rows: z.array(z.object({ unitId: z.number().int(), name: z.string(), cells: z.array(CellSchema) })),
    whole: z.object({
      label: z.string(),
      parentId: z.number().int().nullable(),
      cells: z.array(
        CellSchema.extend({
          method: z.enum(["sum", "weighted_mean", "mean"]).nullable().openapi({
            description: "Cách tính thực tế; null khi chưa đủ số liệu của mọi đơn vị hoặc không gộp.",
          }),
          present: z.number().int().openapi({ description: "Số đơn vị có số liệu của kỳ." }),
        }),
      ),
    }),
  })
  .openapi("IndicatorComparison");
