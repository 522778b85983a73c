package io.zhenggai.platform.security;

import org.springframework.beans.factory.ObjectProvider;

/** The visibility of the current caller (implemented by the assembly's scope enforcement, ADR 0031). */
public interface ScopeVisibility {

    Visibility current();

    /** The bean when the application has one, else a visibility of everything (a context tested on its own). */
    static ScopeVisibility of(ObjectProvider<ScopeVisibility> provider) {
        ScopeVisibility bean = provider.getIfAvailable();
        return bean != null ? bean : () -> Visibility.EVERYTHING;
    }
}
