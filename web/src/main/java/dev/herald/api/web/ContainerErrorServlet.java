package dev.herald.api.web;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonWriter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page (WEB-INF/web.xml) of the answers the servlet container gives itself, outside JAX-RS: a path outside
 * {@code /api}, a 401 or 403 of the security layer before JAX-RS runs. It writes the same problem body as the API;
 * the container's headers ({@code WWW-Authenticate}) stay as they were. (The empty 401 that the runtime's security
 * filter answers inside JAX-RS gets its body from ProblemResponseFilter.)
 */
@WebServlet(name = "ContainerErrorServlet", urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/problems/container-error";
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problem problem = code instanceof Integer status && status >= 400
                ? Problem.of(status, detail(status)).at(uri == null ? null : uri.toString())
                : Problem.of(404, "no resource at " + request.getRequestURI()).at(request.getRequestURI());
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        try (JsonWriter writer = WireJson.json().createWriter(response.getOutputStream())) {
            writer.writeObject(problem.toJson());
        }
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed (its path, for one)";
            case 401 -> "a valid bearer token (a MicroProfile JWT) is required";
            case 403 -> "the token's groups do not allow this operation";
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            default -> null;
        };
    }
}
