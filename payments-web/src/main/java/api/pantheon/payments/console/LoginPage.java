package api.pantheon.payments.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The login page: its form token, and why the last login failed (said once). */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    HttpServletRequest request;

    public String getCsrf() {
        return Console.tokenOf(request.getSession());
    }

    private String error;
    private boolean errorRead;

    public String getError() {
        HttpSession session = request.getSession(false);
        if (!errorRead && session != null) {
            errorRead = true;
            error = (String) session.getAttribute(LoginServlet.ERROR);
            session.removeAttribute(LoginServlet.ERROR);
        }
        return error;
    }

    public String getAction() {
        return request.getContextPath() + LoginServlet.PATH;
    }
}
