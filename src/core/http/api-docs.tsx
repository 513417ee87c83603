import type { OpenAPIHono } from "@hono/zod-openapi";
import { PublicLayout } from "../views/layout.js";
import type { AppEnv } from "./env.js";
import { pageMeta } from "./request.js";

const DOC_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "giaoban API",
    version: "1",
    license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    description:
      "JSON API of giaoban. Errors are `{ error: { code, message, fields? } }`. Scripts authenticate with " +
      "`Authorization: Bearer <token>` (create one with `giaoban token create <username>`); browser sessions " +
      'must send their CSRF token (in `<meta name="csrf-token">` on every page of a signed-in user) in ' +
      "`X-CSRF-Token` for every change.",
  },
} as const;

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
}

/**
 * The security schemes operations name (core/http/api.schema.ts `access`). The generator builds
 * `components` from the registry alone, so they are registered there, not in the document config.
 */
function registerSecuritySchemes(app: OpenAPIHono<AppEnv>, sessionCookie: string): void {
  const registry = app.openAPIRegistry;
  registry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API token: `Authorization: Bearer <token>` (`giaoban token create <username>`).",
  });
  registry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: sessionCookie,
    description: "The session cookie a browser gets when it signs in at `/dang-nhap`.",
  });
  registry.registerComponent("securitySchemes", "csrf", {
    type: "apiKey",
    in: "header",
    name: "X-CSRF-Token",
    description:
      'The CSRF token of the session (`<meta name="csrf-token">` on its pages); a cookie session must send it with every change.',
  });
}

/** `/api/openapi.json` (generated from the Zod schemas of the routes) and a readable page of it. */
export function registerApiDocs(app: OpenAPIHono<AppEnv>, options: { sessionCookie: string }): void {
  registerSecuritySchemes(app, options.sessionCookie);
  app.doc31("/api/openapi.json", (c) => ({
    ...DOC_CONFIG,
    servers: [{ url: c.var.ctx.config.publicBaseUrl.origin }],
  }));

  app.get("/api/docs", (c) => {
    const document = app.getOpenAPI31Document(DOC_CONFIG);
    const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, op]) => ({
        path,
        method: method.toUpperCase(),
        op,
      })),
    );
    return c.html(
      <PublicLayout meta={pageMeta(c, "Tài liệu API")}>
        <h1>Tài liệu API</h1>
        <p>
          Dữ liệu của hệ thống có thể đọc và ghi qua API JSON. Tài liệu máy đọc được (OpenAPI 3.1):{" "}
          <a href="/api/openapi.json">/api/openapi.json</a>.
        </p>
        <p>
          Lỗi trả về dạng <code>{"{ error: { code, message, fields? } }"}</code>. Chương trình xác thực bằng
          tiêu đề <code>Authorization: Bearer …</code>; mã được tạo trong trang “Tài khoản của tôi” hoặc bằng
          lệnh <code>giaoban token create &lt;tên đăng nhập&gt;</code>.
        </p>
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">Các thao tác API</caption>
            <thead>
              <tr>
                <th scope="col">Phương thức</th>
                <th scope="col">Đường dẫn</th>
                <th scope="col">Mô tả</th>
                <th scope="col">Tham số</th>
                <th scope="col">Phản hồi</th>
              </tr>
            </thead>
            <tbody>
              {operations.map(({ path, method, op }) => (
                <tr>
                  <td>
                    <code>{method}</code>
                  </td>
                  <td>
                    <code>{path}</code>
                  </td>
                  <td>{op.summary ?? ""}</td>
                  <td>
                    {(op.parameters ?? []).map((p) => (
                      <div>
                        <code>{p.name}</code> ({p.in}
                        {p.required ? ", bắt buộc" : ""}){p.description ? `: ${p.description}` : ""}
                      </div>
                    ))}
                    {op.requestBody ? <div>thân JSON</div> : null}
                  </td>
                  <td>
                    {Object.entries(op.responses ?? {}).map(([status, r]) => (
                      <div>
                        {status}: {r.description ?? ""}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PublicLayout>,
    );
  });
}
