package dev.kubeward.api.finding.web;

import dev.kubeward.api.finding.FindingDetails;
import dev.kubeward.api.finding.FindingFacetCounts;
import dev.kubeward.api.finding.FindingGroups;
import dev.kubeward.api.finding.FindingQueries;
import dev.kubeward.api.query.QueryProblems;
import dev.kubeward.api.query.QueryTestDatabase;
import dev.kubeward.db.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static dev.kubeward.api.query.QueryTestDatabase.*;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The HTTP shape: parameter binding, both pagination envelopes, problem details. */
class FindingControllerIT {

    static QueryTestDatabase db;
    static MockMvc mvc;

    @BeforeAll
    static void setUp() {
        db = QueryTestDatabase.withFixture();
        mvc = MockMvcBuilders.standaloneSetup(new FindingController(new FindingQueries(db.app), new FindingDetails(db.app),
                new FindingGroups(db.app), new FindingFacetCounts(db.app))).setControllerAdvice(new QueryProblems()).build();
    }

    @BeforeEach
    void tenant() {
        TenantContext.set(TENANT_A);
    }

    @AfterEach
    void clear() {
        TenantContext.clear();
    }

    @Test
    void pageEnvelopeWithFilters() throws Exception {
        mvc.perform(get("/api/v1/findings").param("cluster", A1.toString()).param("severity", severity(C1)).param("control", C1)
                        .param("newSince", T1A.toString()).param("size", "1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.page").value(0));
    }

    @Test
    void cursorEnvelope() throws Exception {
        mvc.perform(get("/api/v1/findings").param("cursor", "").param("size", "2"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(2))).andExpect(jsonPath("$.nextCursor", notNullValue()));
    }

    @Test
    void problemDetailsForBadParametersAndUnknownIds() throws Exception {
        mvc.perform(get("/api/v1/findings").param("status", "closed"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("Bad parameter"));
        mvc.perform(get("/api/v1/findings").param("cluster", "not-a-uuid")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/findings").param("size", "100000")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/findings/999999")).andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
    }
}
