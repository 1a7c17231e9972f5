package api.pantheon.payments.console;

import api.pantheon.payments.backoffice.boundary.BackOffice;
import api.pantheon.payments.ledger.entity.AccountView;
import api.pantheon.payments.parties.boundary.Parties;
import api.pantheon.payments.parties.entity.KeyView;
import api.pantheon.payments.parties.entity.PartyView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** Parties: the search, and one party with its accounts, balances and keys. */
@Named
@RequestScoped
public class PartiesPage {

    @Inject
    BackOffice backOffice;

    @Inject
    Parties parties;

    @Inject
    HttpServletRequest request;

    private List<PartyView> found = List.of();
    private PartyView party;
    private List<AccountView> accounts = List.of();
    private List<KeyView> keys = List.of();

    @PostConstruct
    void load() {
        Params params = new Params(request);
        String id = params.text("id");
        if (id != null) {
            List<PartyView> one = backOffice.parties(id, 1);
            party = one.isEmpty() || !one.get(0).id().equals(id) ? null : one.get(0);
            if (party != null) {
                accounts = backOffice.accountsOf(id);
                keys = parties.keysOf(id);
            }
        } else {
            found = backOffice.parties(params.text("q"), 50);
        }
    }

    public List<PartyView> getFound() {
        return found;
    }

    public PartyView getParty() {
        return party;
    }

    public List<AccountView> getAccounts() {
        return accounts;
    }

    public List<KeyView> getKeys() {
        return keys;
    }
}
