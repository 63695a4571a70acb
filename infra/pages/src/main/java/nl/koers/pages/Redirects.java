package nl.koers.pages;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/**
 * After a form post: {@code 303 See Other} to the page that shows the result, so reloading that page never posts
 * again. In production the gateway sends the post to the command side and the page (a GET) to the query side.
 */
public final class Redirects {
    private Redirects() {
    }

    public static RedirectView seeOther(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }
}
