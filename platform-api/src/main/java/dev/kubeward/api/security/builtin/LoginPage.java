package dev.kubeward.api.security.builtin;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The built-in provider's sign-in form (posted to {@code /login}, handled by its filter chain). */
@Controller
@Conditional(BuiltinProviderCondition.class)
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "auth/login";
    }
}
