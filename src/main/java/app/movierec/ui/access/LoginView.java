package app.movierec.ui.access;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * {@code /login}: the operator's login for {@code /admin}. Vaadin's {@link LoginForm} posts the
 * user name and password to Spring Security's form login at the same path; a wrong password comes
 * back as {@code /login?error}. How to set the password, or find the generated one, is in the
 * README's "Security" section.
 */
@Route("login")
@PageTitle("Movie recommender: operator login")
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

  private final LoginForm login = new LoginForm();

  public LoginView() {
    addClassName("mr-page");
    setAlignItems(Alignment.CENTER);
    login.setId("login");
    login.setAction("login");
    login.setForgotPasswordButtonVisible(false);
    LoginI18n i18n = LoginI18n.createDefault();
    i18n.getForm().setTitle("Operator login");
    i18n.getErrorMessage().setTitle("Wrong user name or password");
    i18n.getErrorMessage()
        .setMessage(
            "Check them and try again. Without movierec.admin.password the password was generated"
                + " at the first start and printed once in the log.");
    login.setI18n(i18n);
    Paragraph why =
        new Paragraph(
            "The admin pages are for the operator of this recommender. Log in to continue.");
    why.setId("login-why");
    add(new H1("Admin"), why, login);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
  }

  /** Whether the form shows the "wrong user name or password" message. */
  public boolean showsError() {
    return login.isError();
  }
}
