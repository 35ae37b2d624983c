package dev.agentsessions.ratelimit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RateLimitOverridesRepository implements PanacheRepositoryBase<RateLimitOverrides, String> {}
