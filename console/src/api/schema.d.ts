// Generated from docs/openapi.json by `npm run openapi` (openapi-typescript). Do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listAccounts"];
        put?: never;
        post: operations["createAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updateAccount"];
        trace?: never;
    };
    "/api/v1/accounts/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a sub-account, with its sub-accounts and SIMs, under another account
         * @description Moves the account and everything below it under `parentId`, an account of the same customer that the caller may see, in one change. A customer's top account, a parent below the account and another customer's account are refused (400, naming the field) and change nothing. Moving an account under the parent it already has changes nothing (`moved` false).
         */
        post: operations["moveAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listContacts"];
        put?: never;
        post: operations["addContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/contacts/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["deleteContact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listUsers"];
        put?: never;
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in (session cookie) or calling (API key) */
        get: operations["whoAmI"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set your own language and time zone */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listApiKeys"];
        put?: never;
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password: sets the session cookie */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session this request came with and clear its cookies */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own open sessions */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of your sessions (on another device, or this one) */
        delete: operations["revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a password reset link (the same answer whether the address is known) */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set your password with the one-time token of an invitation or reset mail */
        post: operations["setPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail the user a one-time link to set their password */
        post: operations["inviteUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List every zone */
        get: operations["listZones"];
        put?: never;
        /** Create a zone (countries and optional networks) */
        post: operations["createZone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/zones/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a zone by id or name */
        get: operations["getZone"];
        put?: never;
        post?: never;
        /** Delete a zone no plan uses */
        delete: operations["deleteZone"];
        options?: never;
        head?: never;
        /** Change a zone's name, description, countries or networks */
        patch: operations["updateZone"];
        trace?: never;
    };
    "/api/v1/communication-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the communication plans you can see */
        get: operations["listCommunicationPlans"];
        put?: never;
        /** Create a communication plan (what a SIM may do) */
        post: operations["createCommunicationPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communication-plans/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a communication plan by id or name */
        get: operations["getCommunicationPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a communication plan */
        patch: operations["updateCommunicationPlan"];
        trace?: never;
    };
    "/api/v1/rate-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the rate plans you can see */
        get: operations["listRatePlans"];
        put?: never;
        /** Create a rate plan with its first version */
        post: operations["createRatePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rate-plans/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a rate plan by id or name, with its versions */
        get: operations["getRatePlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rate-plans/{ref}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a rate plan version taking effect at a date */
        post: operations["addRatePlanVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communication-plans/{ref}/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the accounts a communication plan is offered to */
        get: operations["listCommunicationPlanOffers"];
        put?: never;
        /** Offer a communication plan to an account */
        post: operations["offerCommunicationPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communication-plans/{ref}/offers/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a communication plan from an account */
        delete: operations["withdrawCommunicationPlanOffer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rate-plans/{ref}/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the accounts a rate plan is offered to */
        get: operations["listRatePlanOffers"];
        put?: never;
        /** Offer a rate plan to an account */
        post: operations["offerRatePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rate-plans/{ref}/offers/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a rate plan from an account */
        delete: operations["withdrawRatePlanOffer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check plans for bill-shock risk
         * @description Bill-shock check: zones the communication plan allows that the rate plan does not price.
         */
        get: operations["checkPlanCombination"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description SIMs visible to the caller, filtered (also by any identifier and by connectivity), each with its connectivity now. */
        get: operations["listSims"];
        put?: never;
        /** @description Adds one SIM (operator roles). For many SIMs use POST /api/v1/sims/imports. */
        post: operations["createSim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/{iccid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description One SIM by ICCID, IMSI, MSISDN (with or without +) or IMEI (recorded on the SIM or seen by the network). A key that names several SIMs answers 409 SIM_IDENTIFIER_AMBIGUOUS listing them. */
        get: operations["getSim"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description Changes state, plans, account, custom fields, usage-limit override, IMEI or notes. A future effectiveDate schedules the change. */
        patch: operations["updateSim"];
        trace?: never;
    };
    "/api/v1/sims/{iccid}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Every change to the SIM, per field, with who, why and when. Records from before the SIM came to the caller's customer (another customer held it) show who and why as "previous holder" (docs/permissions.md). */
        get: operations["getSimAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/{iccid}/scheduled-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Changes scheduled for a future date, pending or done. A transfer to another customer cancels those the previous customer's users scheduled. Records from before the SIM came to the caller's customer (another customer held it) show who and why as "previous holder" (docs/permissions.md). */
        get: operations["listSimScheduledChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/{iccid}/scheduled-changes/{changeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["cancelSimScheduledChange"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description How many SIMs visible to the caller match the filters (those of GET /api/v1/sims), per state, connectivity or plan: one count, no paging. */
        get: operations["countSims"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Search as you type: SIMs whose ICCID, IMSI, MSISDN, IMEI or network-seen IMEI starts with q (3 digits or more) and customer accounts whose name contains q (2 characters or more, any case), both within the caller's subtree. */
        get: operations["search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List outbound mail, newest first */
        get: operations["listOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a test message to check the relay configuration */
        post: operations["sendTestMail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One outbound message, with its body */
        get: operations["getOutboxMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/{id}/attachments/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An attachment of an outbound message, as it was sent */
        get: operations["getOutboxAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a failed message for a new round of attempts */
        post: operations["retryOutboxMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description A queued job is cancelled at once; a running one stops after its current batch (rows already written stay written and are counted). */
        post: operations["cancelJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listJobErrors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/results.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Every row's outcome as CSV: line, iccid, outcome, field, code, message. A row about an account outside the caller's subtree shows only its line and the outcome other_account. A cell that would start a spreadsheet formula (=, +, -, @, tab, CR; plain numbers excepted) is prefixed with a single quote. */
        get: operations["downloadJobResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listNetworkClients"];
        put?: never;
        post: operations["createNetworkClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["deleteNetworkClient"];
        options?: never;
        head?: never;
        patch: operations["updateNetworkClient"];
        trace?: never;
    };
    "/api/v1/network/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Registration events from the HLR/HSS: one event, or { events: [...] }. Idempotent by event id. */
        post: operations["postRegistrationEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network/unknown-imsis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description IMSIs the network reported that match no SIM; kept for operators, never dropped. */
        get: operations["listUnknownImsis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/{iccid}/connectivity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getSimConnectivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/{iccid}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listSimSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/{iccid}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getSimUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/{iccid}/network-actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description What Otter asked of the network for this SIM (Disconnect-Requests, cancel-locations) and what the network answered. Those from another customer's time with the SIM show who and why as "previous holder", without session or answer. */
        get: operations["listSimNetworkActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/{iccid}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getSimTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/{iccid}/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Where the SIM was last seen, most recent first: each network (MCC+MNC) and cell from its recent sessions and registrations (the last 200 of each), with the country, and coordinates when a cell-location file is configured and knows the cell. */
        get: operations["getSimLocations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network/events/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Backfill: a JSON-lines file of registration events (content-type application/x-ndjson). The whole file is validated first; any bad line is reported by number and nothing is stored. */
        post: operations["importRegistrationEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/{iccid}/diagnosis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Walks the ladder SIM state → limits → registration → roaming → data session → traffic → device; each rung with its evidence and fix. */
        get: operations["diagnoseSim"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/{iccid}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The remote actions requested for the SIM, newest first. Those from another customer's time with the SIM show their type, status and times only: who and why as "previous holder", no parameters, outcome or SMS. */
        get: operations["listSimActions"];
        put?: never;
        /** @description A remote action, audited and followed: reset-connectivity (Disconnect-Request + HSS cancel-location), activate, change-plan, override-limit, send-sms. */
        post: operations["requestSimAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getSimAction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network/hss-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listHssEndpoints"];
        put?: never;
        /** @description Where Otter sends cancel-location requests, signed with Otter-Signature. */
        post: operations["createHssEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network/hss-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["deleteHssEndpoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Imports SIMs from a CSV body (content-type text/csv). Header row; required columns iccid, imsi, msisdn; optional eid, imei, account, communicationPlan, ratePlan, state and custom fields. A BOM and `;` separators are accepted. Answers 202 with the job id; follow it at GET /api/v1/jobs/{id}. */
        post: operations["importSims"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Changes state, plans, custom fields, usage-limit override or account of many SIMs as a job (202 with the job id). */
        post: operations["bulkChangeSims"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook subscriptions of your subtree */
        get: operations["listWebhooks"];
        put?: never;
        /** Subscribe a URL to events of an account's subtree */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook subscription */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete a subscription and its delivery log */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change URL or events, rotate the secret, pause or resume */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log, newest first, with every attempt and status code */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue one delivery for a new attempt now */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue again the deliveries of the events of a time range */
        post: operations["replayWebhookRange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/automation-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Automation rules of your subtree */
        get: operations["listAutomationRules"];
        put?: never;
        /** A rule: when a trigger fires for a SIM of the account's subtree and the conditions hold, run the actions */
        post: operations["createAutomationRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/automation-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One automation rule */
        get: operations["getAutomationRule"];
        put?: never;
        post?: never;
        /** Delete a rule and its firing log */
        delete: operations["deleteAutomationRule"];
        options?: never;
        head?: never;
        /** Enable, disable or edit a rule */
        patch: operations["updateAutomationRule"];
        trace?: never;
    };
    "/api/v1/automation-rules/{id}/firings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rule's firing log, newest first, with each action's result */
        get: operations["listAutomationRuleFirings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network/sms-centres": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listSmsCentres"];
        put?: never;
        /** @description An SMS centre Otter binds to over SMPP 3.4 (bind_transceiver) to send SMS to devices. The password is stored sealed and never returned. */
        post: operations["createSmsCentre"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network/sms-centres/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["deleteSmsCentre"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/mailboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Support addresses */
        get: operations["listDeskMailboxes"];
        put?: never;
        /** Accept mail for a support address */
        post: operations["createDeskMailbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/mailboxes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop accepting mail for a support address */
        delete: operations["deleteDeskMailbox"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/callers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is calling: the contact, its customer and its open cases */
        get: operations["lookupCaller"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases, newest first */
        get: operations["listCases"];
        put?: never;
        /** Open a case */
        post: operations["createCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case with its number, timeline, links (with SIM context) and consultations */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change state, priority, category, owner or (from triage) account */
        patch: operations["updateCase"];
        trace?: never;
    };
    "/api/v1/cases/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An internal note (never shown to the customer) */
        post: operations["addCaseNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply to the customer by e-mail (stored first, then sent) */
        post: operations["replyToCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/replies/{subId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed reply again */
        post: operations["retryCaseReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log a phone call on the case */
        post: operations["logCaseCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/consultations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Consult a team or an outside party; the owner stays */
        post: operations["openConsultation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/consultations/{subId}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The team's answer, or a message to the outside party */
        post: operations["replyInConsultation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/consultations/{subId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a consultation */
        post: operations["closeConsultation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link a SIM (by ICCID) or an account to the case */
        post: operations["linkCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/links/{subId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a link */
        delete: operations["unlinkCase"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/messages/{subId}/raw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The raw message as received (message/rfc822) */
        get: operations["getCaseMessageRaw"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/attachments/{subId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An attachment of a message on the case */
        get: operations["getCaseAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The operator's support hours, time zone and holidays */
        get: operations["getDeskCalendar"];
        /** Set the support calendar (a new version; open cases are recomputed) */
        put: operations["setDeskCalendar"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/default-agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The operator's default SLA targets */
        get: operations["getDefaultSupportAgreement"];
        /** Set the operator's default SLA targets */
        put: operations["setDefaultSupportAgreement"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/support-agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The SLA targets that apply to an account's new cases */
        get: operations["getSupportAgreement"];
        /** Set a customer's SLA targets (applies to cases created from effectiveFrom on) */
        put: operations["setSupportAgreement"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent's open cases, most pressing SLA first */
        get: operations["getDeskQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/macros": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved replies */
        get: operations["listMacros"];
        put?: never;
        /** Save a reply with placeholders (an unknown placeholder is refused) */
        post: operations["createMacro"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/macros/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One saved reply */
        get: operations["getMacro"];
        put?: never;
        post?: never;
        /** Delete a saved reply */
        delete: operations["deleteMacro"];
        options?: never;
        head?: never;
        /** Change a saved reply */
        patch: operations["updateMacro"];
        trace?: never;
    };
    "/api/v1/cases/{id}/macros/{macroId}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A saved reply filled in for this case, to edit and send as a reply */
        post: operations["renderMacro"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Knowledge base articles; ?q= searches them */
        get: operations["listArticles"];
        put?: never;
        /** Write a knowledge base article */
        post: operations["createArticle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One knowledge base article */
        get: operations["getArticle"];
        put?: never;
        post?: never;
        /** Delete an article */
        delete: operations["deleteArticle"];
        options?: never;
        head?: never;
        /** Change an article */
        patch: operations["updateArticle"];
        trace?: never;
    };
    "/api/v1/onboardings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Onboardings, newest first, with their state, dates and lead time. */
        get: operations["listOnboardings"];
        put?: never;
        /** @description Checks an onboarding spec for feasibility. With dryRun, answers 200 with every finding (errors block, warnings do not) and writes nothing. Without, a spec with no errors is stored and its provisioning job started (202 with the job id; follow it at GET /api/v1/jobs/{id}); the same spec again, once provisioned, changes nothing. A spec with errors answers 400 ONBOARDING_NOT_FEASIBLE with every error in details. For an onboarding already provisioned, dryRun also answers the plan (what would be created, changed, moved or removed); applying a spec whose plan is not empty needs confirmPlan set to that plan's hash, else 409 ONBOARDING_PLAN_NOT_CONFIRMED with the current plan in details (also when the plan changed since it was shown). */
        post: operations["createOnboarding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/onboardings/lead-times": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Lead times of the onboardings past provisioning: from contract signed to the first SIM online (the first data session of any of its SIMs) and to live, per onboarding, with count, average, median and record (shortest) of each. */
        get: operations["onboardingLeadTimes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/onboardings/{id}/tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description Marks one of the onboarding's tasks done ({ "state": "done", "note": "…" }); the note is written on the onboarding's desk case as an internal note. The last open task done makes the onboarding live. A done task answers 409 ONBOARDING_TASK_DONE. */
        patch: operations["completeOnboardingTask"];
        trace?: never;
    };
    "/api/v1/onboardings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description One onboarding by id or contract reference, with its spec and services (PSKs masked), its people's tasks and the desk case that carries them. */
        get: operations["getOnboarding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/onboardings/{id}/ipsec": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The strongSwan swanctl.conf of one end of the onboarding's IPsec tunnel (side operator or customer), generated from its spec, as text/plain. The PSK (sealed at rest under OTTER_SECRET_KEY) is printed, hex-encoded, only for a principal allowed onboarding:secrets (operator admins); for everyone else the secrets section holds a placeholder for the key agreed out of band. A spec without a tunnel answers 400 ONBOARDING_NO_IPSEC; one whose IPsec part is not feasible 400 ONBOARDING_IPSEC_NOT_FEASIBLE. */
        get: operations["getOnboardingIpsecConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/onboardings/{id}/tunnel-sheet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The one-page tunnel sheet for the customer, in the customer's language (en, it or sv; English otherwise), as Markdown: gateways, IKE and ESP proposals, traffic selectors, lifetimes, DPD, and the authentication (a PSK is said to be agreed out of band, never printed). */
        get: operations["getOnboardingTunnelSheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/replies/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a draft reply on a case for clarity (nothing is stored or sent) */
        post: operations["checkCaseReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/replies/{entryId}/clarity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The clarity check stored with a sent reply, with the agent's decisions */
        get: operations["getSentReplyClarity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clarity/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check text that is not on a case yet for clarity */
        post: operations["checkText"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clarity/glossary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The glossary of jargon, per language */
        get: operations["listGlossary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clarity/glossary/{language}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a term to a language's glossary */
        post: operations["addGlossaryTerm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clarity/glossary/{language}/{term}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a term's explanation (or spelling) */
        put: operations["updateGlossaryTerm"];
        post?: never;
        /** Remove a term from a language's glossary */
        delete: operations["removeGlossaryTerm"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clarity/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per week, the share of replies sent with open findings, by rule */
        get: operations["getClarityStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/billing-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's billing profile, with what invoices take from the account and the VAT that applies */
        get: operations["getBillingProfile"];
        /** Set an account's billing cycle, country and billing contact */
        put: operations["putBillingProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rate a month's cycle into draft invoices, as a resumable job */
        post: operations["startBillingRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invoices and credit notes, newest cycle first (customers see issued ones) */
        get: operations["listInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An invoice or credit note with its lines */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/lines.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The invoice's lines as CSV: n, kind, description, quantity, unit, unit_price, amount, currency, flags, sub_account (the sub-account billed when the customer is invoiced per sub-account, else empty). A cell that would start a spreadsheet formula is prefixed with a single quote. */
        get: operations["downloadInvoiceLines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a reviewed draft: numbered without gaps, immutable from then on */
        post: operations["issueInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/credit-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a credit note against an issued invoice */
        post: operations["creditInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail an issued invoice to the billing contact */
        post: operations["mailInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/lines/{n}/explanation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An invoice line explained: arithmetic, plan version, and the SIMs behind it paged by SIM
         * @description With `format=text` the answer is text/plain: the line, a plain summary, the arithmetic and the first SIMs, in the customer's language (or `language`), ready to put into a reply.
         */
        get: operations["explainInvoiceLine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/billing/cycle-to-date": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current cycle so far and the invoice it is heading for, line by line */
        get: operations["billingCycleToDate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sims/{iccid}/billing/cycle-to-date": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One SIM's current cycle so far and projected: usage, allowance left, projected overage */
        get: operations["simBillingCycleToDate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/billing/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two cycles' invoices, in plain sentences with their figures */
        get: operations["compareBillingCycles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The invoice or credit note as a PDF in the customer's language and currency format: both parties' legal details, VAT number, lines, subtotal, VAT, total, the VAT and rounding statements. A draft is watermarked DRAFT. The invoice may be named by its id or its number. */
        get: operations["downloadInvoicePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/rated-usage.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The rated usage behind the invoice as CSV, one row per SIM, day and zone: iccid, day, zone, plan, plan_version, test, bytes, rated_bytes, rated_mb, sms_mo, sms_mt, price_per_mb, charged_as, charged_mb, amount, currency, line. charged_as says how a row was charged (zone, pool, allowance, unpriced, test); amount is exact, before the line's rounding, and empty where the charge is not the row's own (pool, test). Streamed. A cell that would start a spreadsheet formula is prefixed with a single quote. */
        get: operations["downloadInvoiceRatedUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/tmf678": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The invoice as a TM Forum TMF678 CustomerBill (docs/billing.md has the mapping) */
        get: operations["getInvoiceTmf678"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network/sms-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description MO/MT records from the SMS centre: one record, or { records: [...] }. Validated whole (one bad record: 400, nothing counted); idempotent by record id; each counted once into the SIM's daily usage. */
        post: operations["postSmsRecords"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network/sms-records/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Backfill: a JSON-lines file of SMS centre records (content-type application/x-ndjson). The whole file is validated first; any bad line is reported by number and nothing is counted. */
        post: operations["importSmsRecords"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The one error envelope of every Otter route. */
        ErrorInput: {
            error: {
                code: string;
                message: string;
                /** @description The refusal in the caller's language (docs/languages.md); in English it is the message. */
                text?: string;
                requestId: string;
                details?: unknown;
            };
        };
        RatePlanVersionInput: {
            version: number;
            effectiveFrom: string;
            subscription: {
                monthlyFeePerSim: number;
                activationFee: number;
                proration: string;
            };
            included: {
                dataBytes: number;
                sms: number;
                voiceSeconds: number;
            };
            pool: {
                type: string;
                fixedPoolBytes?: number;
            };
            zones: {
                zone: {
                    id: string;
                    name: string;
                };
                dataPerMB: number;
                smsMO: number;
                smsMT: number;
                voicePerMinute: number;
            }[];
            testReady: {
                dataBytes: number;
                sms: number;
                voiceSeconds: number;
                maxDays: number;
            };
            dataLimitBytes: number | null;
            rounding: string;
            planChange: string;
        };
        SimInput: {
            id: string;
            iccid: string;
            imsi: string;
            msisdn: string | null;
            eid: string | null;
            imei: string | null;
            accountId: string;
            /** @enum {string} */
            state: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
            communicationPlan: {
                id: string;
                name: string;
            } | null;
            ratePlan: {
                id: string;
                name: string;
            } | null;
            /** @enum {string} */
            overageLimitOverride: "DEFAULT" | "TEMPORARY_OVERRIDE" | "PERMANENT_OVERRIDE";
            customFields: {
                [key: string]: string;
            };
            notes: string | null;
            dateActivated: string | null;
            createdByJobId: string | null;
            createdAt: string;
            updatedAt: string;
        };
        LocalizedMessageInput: {
            /** @description Stable code of the message, e.g. `session.hung`. */
            code: string;
            params: {
                [key: string]: unknown;
            };
            /** @description The message in the caller's language and time zone. */
            text: string;
        };
        DataSessionInput: {
            id: string;
            /** @enum {string} */
            status: "open" | "closed";
            startedAt: string;
            endedAt: string | null;
            lastUpdateAt: string;
            apn: string | null;
            ip: string | null;
            rat: string | null;
            ratCode: number | null;
            mcc: string | null;
            mnc: string | null;
            bytesUp: number;
            bytesDown: number;
            terminateCause: string | null;
            imeisv: string | null;
        };
        SimWithConnectivityInput: {
            id: string;
            iccid: string;
            imsi: string;
            msisdn: string | null;
            eid: string | null;
            imei: string | null;
            accountId: string;
            /** @enum {string} */
            state: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
            communicationPlan: {
                id: string;
                name: string;
            } | null;
            ratePlan: {
                id: string;
                name: string;
            } | null;
            /** @enum {string} */
            overageLimitOverride: "DEFAULT" | "TEMPORARY_OVERRIDE" | "PERMANENT_OVERRIDE";
            customFields: {
                [key: string]: string;
            };
            notes: string | null;
            dateActivated: string | null;
            createdByJobId: string | null;
            createdAt: string;
            updatedAt: string;
            /**
             * @description As GET /api/v1/sims/{iccid}/connectivity decides it, now.
             * @enum {string}
             */
            connectivity: "BLOCKED" | "ONLINE" | "ATTACHED" | "OFFLINE";
            /** @description When the silence detector marked the SIM silent (no session or traffic for longer than its rhythm allows); null: not silent now. */
            silentSince: string | null;
        };
        DiagnosisInput: {
            iccid: string;
            /** @description One sentence a customer understands: the first broken rung and the next step. */
            verdict: string;
            /** @description The verdict in the caller's language and time zone (`language`). */
            verdictText: string;
            /** @description The verdict's sentences, in order. */
            verdictMessages: components["schemas"]["LocalizedMessageInput"][];
            /**
             * @description The language of every `text` in this answer.
             * @enum {string}
             */
            language: "en" | "it" | "sv";
            /** @enum {string} */
            overall: "ok" | "warn" | "fail";
            firstBroken: ("sim_state" | "limits" | "registration" | "roaming" | "data_session" | "traffic" | "device") | null;
            checkedAt: string;
            /** @description Time of the newest network signal the diagnosis rests on. */
            dataAsOf: string | null;
            rhythm: {
                typicalGapSeconds: number | null;
                basis: string;
                /** @description Start of the newest data session seen. */
                lastSessionAt: string | null;
            };
            rungs: {
                /** @enum {string} */
                name: "sim_state" | "limits" | "registration" | "roaming" | "data_session" | "traffic" | "device";
                /** @enum {string} */
                status: "pass" | "warn" | "fail" | "skipped";
                summary: string;
                summaryMessage: components["schemas"]["LocalizedMessageInput"];
                evidence: {
                    kind: string;
                    at?: string;
                    detail: string;
                    detailMessage: components["schemas"]["LocalizedMessageInput"];
                }[];
                fix?: {
                    /** @enum {string} */
                    action: "activate" | "change-plan" | "override-limit" | "reset-connectivity" | "send-sms" | "check-device";
                    description: string;
                    descriptionMessage: components["schemas"]["LocalizedMessageInput"];
                };
                /** @enum {string} */
                causeIn?: "sim_state" | "limits" | "registration" | "roaming" | "data_session" | "traffic" | "device";
            }[];
            actions: {
                /** @enum {string} */
                action: "activate" | "change-plan" | "override-limit" | "reset-connectivity" | "send-sms" | "check-device";
                description: string;
                descriptionMessage: components["schemas"]["LocalizedMessageInput"];
            }[];
            /** @description Remote actions whose proof Otter is still waiting for; they are not recommended again meanwhile. */
            watching: {
                actionId: string;
                type: string;
                requestedAt: string;
                watchUntil: string | null;
            }[];
        };
        SimActionInput: {
            id: string;
            iccid: string;
            type: string;
            /** @description watching, back_online or still_silent; a send-sms action is queued, submitted, then delivered (configuration) or watching (wake-up), or failed; cancelled when the SIM passed to another customer while it was watched */
            status: string;
            reason: string;
            params: {
                [key: string]: unknown;
            };
            requestedBy: string;
            createdAt: string;
            watchUntil: string | null;
            completedAt: string | null;
            /** @description The follow-up: back online at …, or still silent with the next step. */
            outcome: {
                [key: string]: unknown;
            } | null;
            /** @description The outcome's summary in the caller's language and time zone. */
            outcomeText: string | null;
            /** @description The SMS a send-sms action sent and its delivery (null for other actions). */
            sms: {
                id: string;
                /** @description queued, submitting, submitted, delivered or failed */
                status: string;
                purpose: string;
                /** @description gsm7, ucs2 or binary */
                encoding: string;
                segments: number;
                smsCentre: string | null;
                attempts: number;
                nextAttemptAt: string | null;
                messageIds: string[];
                submittedAt: string | null;
                deliveredAt: string | null;
                failedAt: string | null;
                error: string | null;
                receipts: unknown[];
            } | null;
            network: {
                id: string;
                kind: string;
                status: string;
                reason: string;
                requestedBy: string;
                attempts: number;
                sessionId: string | null;
                result: unknown;
                createdAt: string;
                updatedAt: string;
            }[];
            /** @description What happened so far, in order, each from a record: the request, the gateway's and the HSS's answers, the SMS, the registration, data session and traffic the network reported after it, the outcome (docs/diagnostics.md). */
            steps: {
                at: string;
                kind: string;
                /** @description The step in English. */
                text: string;
                /** @description The step in the caller's language and time zone. */
                message: components["schemas"]["LocalizedMessageInput"];
            }[];
            /** @description In the answer to a request only: what the change it made may not achieve (NO_COMMUNICATION_PLAN…). */
            warnings?: {
                code: string;
                message: string;
            }[];
        };
        JobInput: {
            id: string;
            kind: string;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            accountId: string;
            fileName: string | null;
            dryRun: boolean;
            progress: {
                /** @description upload, validate, select, apply or done */
                phase: string;
                done: number;
                total: number;
            };
            counts: {
                created: number;
                updated: number;
                unchanged: number;
                failed: number;
            };
            errorCount: number;
            /** @description Row errors about SIMs of accounts outside the reader's subtree: counted here, never listed. */
            hiddenErrorCount: number;
            /** @description The first 100 row errors the reader may see; all of them via /errors or /results.csv. */
            errors: {
                line: number;
                iccid: string | null;
                field: string | null;
                code: string;
                message: string;
            }[];
            failure: {
                code: string;
                message: string;
            } | null;
            cancelRequested: boolean;
            createdBy: string;
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
        };
        WebhookInput: {
            id: string;
            accountId: string;
            url: string;
            events: string[];
            /** @enum {string} */
            format: "otter" | "controlcenter";
            /** @description `xml` or `json` for format `controlcenter`; null for `otter`. */
            ccDataFormat: ("xml" | "json") | null;
            description: string | null;
            /** @enum {string} */
            status: "active" | "paused";
            /** @description Why Otter paused it, when it did. */
            pausedReason: string | null;
            consecutiveFailures: number;
            lastSuccessAt: string | null;
            createdAt: string;
            updatedAt: string;
        };
        WebhookDeliveryInput: {
            id: string;
            webhookId: string;
            /** @description The event's id: the body's `id` and the Otter-Event-Id header. */
            eventId: string;
            eventType: string;
            eventCreatedAt: string;
            /** @enum {string} */
            status: "queued" | "sending" | "delivered" | "failed";
            /** @description Attempts since the delivery was last queued. */
            attemptCount: number;
            nextAttemptAt: string | null;
            lastStatusCode: number | null;
            lastError: string | null;
            createdAt: string;
            deliveredAt: string | null;
            /** @description Every attempt, oldest first. */
            attempts: {
                at: string;
                /** @description The receiver's HTTP status; null when no answer came. */
                statusCode: number | null;
                error: string | null;
                durationMs: number;
            }[];
        };
        AutomationRuleInput: {
            id: string;
            accountId: string;
            name: string;
            description: string | null;
            enabled: boolean;
            trigger: {
                [key: string]: unknown;
            };
            conditions: {
                [key: string]: unknown;
            }[];
            actions: {
                [key: string]: unknown;
            }[];
            createdBy: string;
            createdAt: string;
            updatedAt: string;
        };
        AutomationFiringInput: {
            id: string;
            ruleId: string;
            /** @description The domain event that fired the rule; null for clock-driven triggers (no_session). */
            eventId: string | null;
            eventType: string;
            iccid: string | null;
            /**
             * @description failed: at least one action failed (see results).
             * @enum {string}
             */
            status: "pending" | "running" | "done" | "failed";
            attempts: number;
            results: ({
                type: string;
                ok: boolean;
            } & {
                [key: string]: unknown;
            })[] | null;
            /** @description What the trigger saw. */
            data: {
                [key: string]: unknown;
            };
            createdAt: string;
            finishedAt: string | null;
        };
        SmsCentreInput: {
            id: string;
            name: string;
            host: string;
            port: number;
            systemId: string;
            systemType: string;
            sourceAddress: string;
            imsiPrefixes: string[];
            createdAt: string;
        };
        ClarityFindingInput: {
            /** @enum {string} */
            rule: "language_mismatch" | "readability" | "long_sentence" | "passive_voice" | "jargon" | "relative_date" | "undated_promise" | "invalid_identifier" | "foreign_identifier" | "customer_term" | "unanswered_question" | "unfilled_placeholder";
            /** @enum {string} */
            severity: "info" | "warning";
            /** @description Offset into `body` in UTF-16 code units (JavaScript string index). */
            start: number;
            /** @description End offset (exclusive); a finding about the whole text spans all of it. */
            end: number;
            /** @description A plain explanation in the reply's language: which rule, and why. */
            message: string;
            /** @description Replacement for body[start, end), accepted in one action. */
            suggestion?: string;
        };
        ClarityCheckInput: {
            /**
             * @description An ISO 639-1 code: en, it or sv.
             * @enum {string}
             */
            language: "en" | "it" | "sv";
            readability: {
                /** @enum {string} */
                formula: "flesch" | "gulpease" | "lix";
                score: number;
            };
            findings: components["schemas"]["ClarityFindingInput"][];
        };
        ClarityGlossaryTermInput: {
            /**
             * @description An ISO 639-1 code: en, it or sv.
             * @enum {string}
             */
            language: "en" | "it" | "sv";
            term: string;
            explanation: string;
            /**
             * @description `shipped` with Otter (until changed), or added or changed by the team.
             * @enum {string}
             */
            origin: "shipped" | "team";
            updatedAt: string;
        };
        ClarityStatsInput: {
            weeks: {
                /** @description The Monday the week starts on (UTC), YYYY-MM-DD. */
                week: string;
                /** @description Replies sent in the week. */
                replies: number;
                /** @description Of them, replies sent with at least one finding not accepted. */
                withOpenFindings: number;
                /** @description withOpenFindings / replies, 0 to 1 (0 without replies). */
                share: number;
                byRule: {
                    /** @enum {string} */
                    rule: "language_mismatch" | "readability" | "long_sentence" | "passive_voice" | "jargon" | "relative_date" | "undated_promise" | "invalid_identifier" | "foreign_identifier" | "customer_term" | "unanswered_question" | "unfilled_placeholder";
                    /** @description Replies sent with an open finding of this rule. */
                    replies: number;
                    /** @description replies / the week's replies. */
                    share: number;
                    /** @description Findings of this rule the agents dismissed. */
                    dismissed: number;
                    /** @description Suggestions of this rule the agents accepted before sending. */
                    accepted: number;
                }[];
            }[];
        };
        ClaritySentCheckInput: {
            /**
             * @description An ISO 639-1 code: en, it or sv.
             * @enum {string}
             */
            language: "en" | "it" | "sv";
            readability: {
                /** @enum {string} */
                formula: "flesch" | "gulpease" | "lix";
                score: number;
            };
            sentAt: string;
            findings: {
                /** @enum {string} */
                rule: "language_mismatch" | "readability" | "long_sentence" | "passive_voice" | "jargon" | "relative_date" | "undated_promise" | "invalid_identifier" | "foreign_identifier" | "customer_term" | "unanswered_question" | "unfilled_placeholder";
                /** @enum {string} */
                severity: "info" | "warning";
                /** @enum {string} */
                decision: "open" | "dismissed" | "accepted";
                start: number | null;
                end: number | null;
                text: string;
                message: string;
                suggestion: string | null;
            }[];
        };
        BillingProfileInput: {
            accountId: string;
            /** @enum {string} */
            cycle: "calendar" | "anniversary";
            anchorDay: number;
            country: string | null;
            contactName: string | null;
            contactEmail: string | null;
            perSubAccount: boolean;
            /** @description false: no profile stored yet; these are the defaults. */
            configured: boolean;
            /** @description What invoices take from the account itself (PATCH /api/v1/accounts/{id} changes it). */
            fromAccount: {
                legalName: string | null;
                vatNumber: string | null;
                currency: string;
                timeZone: string;
                language: string;
                billingAddress: unknown | null;
            };
            vat: {
                /** @description Percent. */
                rate: string;
                reverseCharge: boolean;
                note: string;
            };
        };
        InvoiceInput: {
            id: string;
            /** @enum {string} */
            kind: "invoice" | "credit_note";
            /** @enum {string} */
            status: "draft" | "issued";
            number: string | null;
            /** @description The account billed: the customer, or one of its sub-accounts when the customer is invoiced per sub-account. */
            accountId: string;
            /** @description The sub-account this invoice bills (its SIMs and its sub-accounts'), when the customer is invoiced per sub-account; null on the customer's own invoice. */
            subAccount: {
                id: string;
                /** @description As it was when the invoice was issued. */
                name: string;
                /** @description The customer the sub-account belongs to. */
                customerId: string;
            } | null;
            /**
             * @description `subtree`: the SIMs of the account and of all its sub-accounts. `account`: only the SIMs held on the customer's own account — its sub-accounts have invoices of their own.
             * @enum {string}
             */
            scope: "subtree" | "account";
            cycleStart: string;
            /** @description Inclusive: the cycle's last day. */
            cycleEnd: string;
            currency: string;
            timeZone: string;
            customer: {
                [key: string]: unknown;
            };
            /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
            subtotal: string;
            vatRate: string;
            /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
            vatAmount: string;
            /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
            total: string;
            reverseCharge: boolean;
            notes: string[];
            /** @description The notes in the reader's language (GET /api/v1/invoices/{id}): the VAT statement as the PDF states it, and for a credit note first the invoice it credits with the reason as typed; `notes` stays as recorded, in English. */
            notesText?: string[];
            flags: string[];
            creditedInvoiceId: string | null;
            createdAt: string;
            issuedAt: string | null;
            lines: {
                n: number;
                kind: string;
                description: string;
                /** @description The line in the reader's language, composed from its kind, plan and zone as the PDF words it (one invoice and a line's explanation); `description` stays as it was rated, in English. */
                descriptionText?: string;
                ratePlanId: string | null;
                planVersion: number | null;
                zoneId: string | null;
                quantity: string;
                unit: string;
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                unitPrice: string;
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                amount: string;
                flags: string[];
            }[];
        };
        InvoiceLineExplanationInput: {
            invoiceId: string;
            line: {
                n: number;
                kind: string;
                description: string;
                /** @description The line in the reader's language, composed from its kind, plan and zone as the PDF words it (one invoice and a line's explanation); `description` stays as it was rated, in English. */
                descriptionText?: string;
                ratePlanId: string | null;
                planVersion: number | null;
                zoneId: string | null;
                quantity: string;
                unit: string;
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                unitPrice: string;
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                amount: string;
                flags: string[];
            };
            /** @description The line in one or two plain sentences, in English. */
            summary: string;
            /** @description The summary as a message: its code, the line's figures as parameters (byte counts, money as `7.00 EUR`, days), and its text in the caller's language (docs/languages.md). */
            summaryMessage: components["schemas"]["LocalizedMessageInput"];
            planVersion: number | null;
            cycle: {
                start: string;
                end: string;
                days: number;
            };
            arithmetic: {
                parts: {
                    label: string;
                    quantity: string;
                    unit: string;
                    /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                    unitPrice: string;
                    /** @description Exact, before rounding. */
                    amount: string;
                    version?: number;
                }[];
                exact: string;
                rounding: string;
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                amount: string;
            };
            facts: {
                [key: string]: string | number;
            };
            /** @description A late-usage line: the earlier invoice whose cycle the usage belongs to. */
            lateFor?: {
                invoiceId: string;
                number: string | null;
                cycle: {
                    start: string;
                    end: string;
                };
            };
            sims: {
                items: {
                    iccid: string;
                    /** @description A late-usage line: the rate plan of the row. */
                    plan?: string;
                    zoneId?: string | null;
                    /** @description A late-usage line: the zone of the row (null: a network in no zone). */
                    zoneName?: string | null;
                    /** @description A late-usage line: test usage before activation. */
                    test?: boolean;
                    /** @description A late-usage line: the days the SIM used the zone in the earlier cycle when it was last billed (`days`: as recorded now). */
                    daysBilled?: number;
                    billableDays?: number;
                    contributionDays?: number;
                    activatedOn?: string | null;
                    days?: number;
                    bytes?: number;
                    smsMo?: number;
                    smsMt?: number;
                    sessions?: number;
                    /** @description This SIM's exact share of the line, where it has one. */
                    share?: string;
                }[];
                nextCursor: string | null;
            };
        };
        CycleToDateInput: {
            accountId: string;
            currency: string;
            cycle: {
                start: string;
                /** @description Inclusive. */
                end: string;
                days: number;
                /** @description Days so far, today included. */
                elapsedDays: number;
            };
            toDate: {
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                subtotal: string;
                flags: string[];
            };
            projected: {
                /** @description The invoice the cycle is heading for, before VAT. */
                subtotal: string;
            };
            lines: {
                n: number;
                kind: string;
                description: string;
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                toDate: string;
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                projected: string;
            }[];
        };
        SimCycleToDateInput: {
            iccid: string;
            /** @description The account whose cycle was rated (the SIM's customer). */
            accountId: string;
            currency: string;
            cycle: {
                start: string;
                /** @description Inclusive. */
                end: string;
                days: number;
                /** @description Days so far, today included. */
                elapsedDays: number;
            };
            ratePlan: {
                id: string;
                name: string;
            } | null;
            /** @description Billable days in the cycle, the state it is in today running to the cycle's end. */
            billableDays: number;
            usage: {
                zoneId: string | null;
                zoneName: string | null;
                /** @description Zone 1, the zone the allowance or pool covers. */
                home: boolean;
                test: boolean;
                /** @description Bytes (1 MB = 1,048,576 bytes). */
                bytes: number;
                /** @description Bytes (1 MB = 1,048,576 bytes). */
                projectedBytes: number;
                smsMo: number;
                smsMt: number;
                /** @description Null: the plan does not price the zone. */
                dataPerMB: string | null;
            }[];
            allowance: {
                /** @enum {string} */
                type: "none" | "flex" | "fixed";
                /** @description The SIM's own allowance; in a flexible pool, its contribution so far. */
                includedBytes: number;
                /** @description Bytes (1 MB = 1,048,576 bytes). */
                usedBytes: number;
                /** @description Bytes (1 MB = 1,048,576 bytes). */
                projectedBytes: number;
                /** @description Of the SIM's own allowance (never below 0). */
                leftBytes: number;
                pool: {
                    /** @description Bytes (1 MB = 1,048,576 bytes). */
                    bytes: number;
                    /** @description Bytes (1 MB = 1,048,576 bytes). */
                    usedBytes: number;
                    /** @description Bytes (1 MB = 1,048,576 bytes). */
                    projectedUsedBytes: number;
                    /** @description Bytes (1 MB = 1,048,576 bytes). */
                    leftBytes: number;
                } | null;
            };
            projected: {
                /** @description Zone-1 data beyond the SIM's own allowance and data in other zones, projected to the cycle's end, at the plan's prices (before VAT). In a pool, other SIMs' unused allowance may cover the zone-1 part. */
                overageAmount: string;
                flags: string[];
            };
        };
        DeskCalendarInput: {
            timeZone: string;
            hours: {
                [key: string]: [
                    string,
                    string
                ][];
            };
            holidays: string[];
            effectiveFrom: string | null;
            /** @description True while the operator has not set a calendar (Mon-Fri 09:00-17:00 UTC). */
            isDefault: boolean;
            /** @description A version that takes over later, if one is set. */
            upcoming: {
                timeZone: string;
                hours: {
                    [key: string]: [
                        string,
                        string
                    ][];
                };
                holidays: string[];
                effectiveFrom: string | null;
            } | null;
            openCasesToRecompute?: number;
        };
        SupportAgreementInput: {
            accountId: string;
            firstResponse: {
                low?: string | null;
                normal?: string | null;
                high?: string | null;
                urgent?: string | null;
            };
            resolution: {
                low?: string | null;
                normal?: string | null;
                high?: string | null;
                urgent?: string | null;
            };
            effectiveFrom: string | null;
            /** @description True when the targets come from a parent account, the operator default or Otter's built-in default. */
            inherited: boolean;
        };
        CaseSlaInput: {
            /**
             * @description The most pressing clock state.
             * @enum {string}
             */
            state: "running" | "at_risk" | "paused" | "met" | "breached" | "none";
            /** @description The customer's time zone (its account setting). */
            timeZone: string;
            firstResponse: {
                /** @enum {string} */
                state: "running" | "at_risk" | "paused" | "met" | "breached" | "none";
                /** @description The target for the case's priority, ISO 8601 support time. */
                target: string | null;
                elapsedMs: number;
                /** @description Business ms left; negative once breached. */
                remainingMs: number | null;
                /** @description UTC; set while the clock runs. */
                dueAt: string | null;
                /** @description dueAt in the customer's time zone, with its offset. */
                dueAtLocal: string | null;
                breachedAt: string | null;
                stoppedAt: string | null;
                episode: number;
            };
            resolution: {
                /** @enum {string} */
                state: "running" | "at_risk" | "paused" | "met" | "breached" | "none";
                /** @description The target for the case's priority, ISO 8601 support time. */
                target: string | null;
                elapsedMs: number;
                /** @description Business ms left; negative once breached. */
                remainingMs: number | null;
                /** @description UTC; set while the clock runs. */
                dueAt: string | null;
                /** @description dueAt in the customer's time zone, with its offset. */
                dueAtLocal: string | null;
                breachedAt: string | null;
                stoppedAt: string | null;
                episode: number;
            };
        };
        DeskMailboxInput: {
            id: string;
            address: string;
            accountId: string | null;
            createdAt: string;
        };
        CaseEntryInput: {
            id: string;
            /** @enum {string} */
            kind: "email_in" | "email_out" | "phone" | "note" | "consultation" | "event";
            body: string | null;
            data: {
                [key: string]: unknown;
            };
            actor: {
                userId: string | null;
                name: string;
            };
            consultationId: string | null;
            message: {
                id: string;
                /** @enum {string} */
                direction: "in" | "out";
                messageId: string;
                from: string | null;
                to: string[];
                cc: string[];
                subject: string | null;
                flags: string[];
                needsHuman: boolean;
                rawSize: number;
                /** @description Outbound: queued, sent or failed (docs/mail.md). */
                sendStatus: string | null;
                /** @description Outbound and queued because no SMTP relay is configured yet. */
                waitingForRelay: boolean;
                sendError: string | null;
                sendAttempts: number | null;
                attachments: {
                    id: string;
                    filename: string | null;
                    contentType: string;
                    size: number;
                    inline: boolean;
                    stored: boolean;
                }[];
            } | null;
            createdAt: string;
        };
        CaseInput: {
            id: string;
            number: number;
            accountId: string | null;
            triage: boolean;
            subject: string;
            /** @enum {string} */
            category: "sim_order" | "platform_howto" | "billing" | "technical" | "plans" | "products" | "other";
            /** @enum {string} */
            state: "new" | "open" | "waiting_on_customer" | "waiting_on_consultation" | "resolved" | "closed";
            /** @description The TM Forum TMF621 troubleTicket status of the state. */
            tmf621Status: string;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            ownerUserId: string | null;
            contactIds: string[];
            requesterEmail: string | null;
            requesterName: string | null;
            /** @enum {string} */
            channel: "email" | "phone" | "api" | "automation";
            reopenedFromCaseId: string | null;
            createdAt: string;
            updatedAt: string;
            resolvedAt: string | null;
            closedAt: string | null;
            /** @description The SLA clocks, computed from the timeline now (docs/desk-sla.md). */
            sla?: components["schemas"]["CaseSlaInput"];
        };
        ConsultationInput: {
            id: string;
            caseId: string;
            team: string | null;
            address: string | null;
            subject: string;
            /** @enum {string} */
            state: "open" | "answered" | "closed";
            createdAt: string;
            answeredAt: string | null;
            closedAt: string | null;
        };
        CaseDetailInput: {
            id: string;
            number: number;
            accountId: string | null;
            triage: boolean;
            subject: string;
            /** @enum {string} */
            category: "sim_order" | "platform_howto" | "billing" | "technical" | "plans" | "products" | "other";
            /** @enum {string} */
            state: "new" | "open" | "waiting_on_customer" | "waiting_on_consultation" | "resolved" | "closed";
            /** @description The TM Forum TMF621 troubleTicket status of the state. */
            tmf621Status: string;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            ownerUserId: string | null;
            contactIds: string[];
            requesterEmail: string | null;
            requesterName: string | null;
            /** @enum {string} */
            channel: "email" | "phone" | "api" | "automation";
            reopenedFromCaseId: string | null;
            createdAt: string;
            updatedAt: string;
            resolvedAt: string | null;
            closedAt: string | null;
            /** @description The SLA clocks, computed from the timeline now (docs/desk-sla.md). */
            sla?: components["schemas"]["CaseSlaInput"];
            owner: {
                id: string;
                name: string;
                email: string;
            } | null;
            account: {
                id: string;
                name: string;
            } | null;
            contacts: {
                id: string;
                name: string;
                email: string | null;
                phone: string | null;
            }[];
            links: {
                id: string;
                /** @enum {string} */
                kind: "sim" | "account" | "invoice";
                iccid: string | null;
                accountId: string | null;
                accountName: string | null;
                createdAt: string;
                /** @description For a SIM: its state and plans, its connectivity (last session) and its diagnosis, as the SIM endpoints give them. */
                context: {
                    sim: unknown;
                    connectivity: unknown;
                    diagnosis: unknown;
                } | null;
                invoiceId: string | null;
                /** @description For an invoice: the invoice with its lines, as `GET /api/v1/invoices/{id}` gives it (null where the caller may not see it, such as a customer and a draft). Each line is explained at `/api/v1/invoices/{id}/lines/{n}/explanation`. */
                invoice: components["schemas"]["InvoiceInput"] | null;
            }[];
            consultations: components["schemas"]["ConsultationInput"][];
            timeline: components["schemas"]["CaseEntryInput"][];
        };
        CallerLookupInput: {
            number: string;
            matches: {
                contact: {
                    id: string;
                    name: string;
                    email: string | null;
                    phone: string | null;
                };
                account: {
                    id: string;
                    name: string;
                };
                openCases: components["schemas"]["CaseInput"][];
            }[];
        };
        /** Otter onboarding spec */
        OnboardingSpecInput: {
            /** @constant */
            version: 1;
            /** @description The contract's reference: one onboarding per reference. */
            reference: string;
            customer: {
                /** @description The customer account's name in Otter. */
                name: string;
                legalName: string;
                vatNumber: string;
                billingAddress: {
                    addressLine1: string;
                    addressLine2?: string;
                    city: string;
                    state?: string;
                    postalCode?: string;
                    country: string;
                };
                currency: string;
                language: string;
                timeZone: string;
                /** @enum {string} */
                testReadyThen?: "ACTIVATION_READY" | "ACTIVATED";
                /** @description People at the customer, each with a role (technical, billing, commercial…). */
                contacts: {
                    name: string;
                    /** Format: email */
                    email?: string;
                    phone?: string;
                    language?: string;
                    role?: string;
                }[];
                /** @description Plans (by name) this account may use; they are offered to it. */
                plans?: {
                    /** @default [] */
                    communication: string[];
                    /** @default [] */
                    rate: string[];
                };
            };
            /** @default [] */
            accounts: {
                /** @description How the rest of the spec names this account. */
                key: string;
                name: string;
                /** @description The key of the parent sub-account; the customer's account when omitted. */
                parent?: string;
                /** @description The customer's currency when omitted. */
                currency?: string;
                /** @description Plans (by name) this account may use; they are offered to it. */
                plans?: {
                    /** @default [] */
                    communication: string[];
                    /** @default [] */
                    rate: string[];
                };
            }[];
            /**
             * @default {
             *       "communication": [],
             *       "rate": []
             *     }
             */
            plans: {
                /** @default [] */
                communication: {
                    name: string;
                    /**
                     * @description true: a plan of this name must already exist; nothing else may be given.
                     * @default false
                     */
                    reuse: boolean;
                    description?: string;
                    /** @description APN names. */
                    apns?: string[];
                    rats?: ("2G" | "3G" | "LTE" | "LTE-M" | "NB-IoT" | "5G")[];
                    /** @description Zone names the plan allows. */
                    zones?: string[];
                    /** @default true */
                    dataEnabled: boolean;
                    /** @default true */
                    smsEnabled: boolean;
                }[];
                /** @default [] */
                rate: {
                    name: string;
                    /** @default false */
                    reuse: boolean;
                    description?: string;
                    currency?: string;
                    monthlyFeePerSim?: number;
                    /** @default 0 */
                    activationFee: number;
                    /** @default 0 */
                    includedDataMB: number;
                    /** @default 0 */
                    includedSms: number;
                    /**
                     * @default none
                     * @enum {string}
                     */
                    pool: "none" | "flex" | "fixed";
                    fixedPoolMB?: number;
                    zones?: {
                        zone: string;
                        dataPerMB: number;
                        /** @default 0 */
                        smsMO: number;
                        /** @default 0 */
                        smsMT: number;
                    }[];
                }[];
            };
            /**
             * @default {
             *       "apns": []
             *     }
             */
            services: {
                /** @default [] */
                apns: {
                    name: string;
                    ipPool: string;
                    /** @default [] */
                    fixedIps: {
                        iccid: string;
                        ip: string;
                    }[];
                    ipsec?: {
                        /** @description 2; IKEv1 is refused. */
                        ikeVersion: number;
                        /** @description strongSwan proposals such as aes256-sha256-modp2048 or aes256gcm16-prfsha384-ecp384. */
                        ikeProposals: string[];
                        espProposals: string[];
                        /** @enum {string} */
                        auth: "psk" | "cert";
                        /** @description With auth psk: at least 32 characters. */
                        psk?: string;
                        /** @description The operator's tunnel end. */
                        localGateway: string;
                        /** @description The customer's tunnel end. */
                        remoteGateway: string;
                        customerSubnets: string[];
                        /** @default 86400 */
                        ikeLifetimeSeconds: number;
                        /** @default 3600 */
                        espLifetimeSeconds: number;
                        /**
                         * @default {
                         *       "delaySeconds": 30,
                         *       "action": "restart"
                         *     }
                         */
                        dpd: {
                            /** @default 30 */
                            delaySeconds: number;
                            /**
                             * @default restart
                             * @enum {string}
                             */
                            action: "restart" | "clear" | "trap";
                        };
                    };
                }[];
            };
            /** @default [] */
            sims: {
                /** @description Key of the sub-account the SIMs go to; the customer's account when omitted. */
                account?: string;
                /** @default [] */
                ranges: {
                    /** @description First ICCID of the range, check digit included. */
                    from: string;
                    /** @description Last ICCID of the range, same length. */
                    to: string;
                }[];
                /** @default [] */
                iccids: string[];
                /** @description How many SIMs the contract promises for this group; checked against the ICCIDs. */
                quantity?: number;
                /**
                 * @default TEST_READY
                 * @enum {string}
                 */
                state: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED";
                communicationPlan: string;
                ratePlan: string;
            }[];
            desk?: {
                /** @description SLA targets per priority as ISO 8601 durations ("PT4H"). */
                agreement: {
                    firstResponse: {
                        low?: string | null;
                        normal?: string | null;
                        high?: string | null;
                        urgent?: string | null;
                    };
                    resolution: {
                        low?: string | null;
                        normal?: string | null;
                        high?: string | null;
                        urgent?: string | null;
                    };
                };
            };
            dates: {
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD.
                 */
                contractSigned: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD.
                 */
                requestedGoLive: string;
                tunnelWindow?: {
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD.
                     */
                    from: string;
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD.
                     */
                    to: string;
                };
            };
            people: {
                /**
                 * Format: email
                 * @description E-mail of the operator user who owns the onboarding.
                 */
                onboardingOwner: string;
                /**
                 * Format: email
                 * @description E-mail of the customer's technical contact, one of customer.contacts.
                 */
                technicalContact: string;
            };
        };
        OnboardingFindingInput: {
            /** @enum {string} */
            severity: "error" | "warning";
            /** @description Where in the spec, e.g. "accounts[2].plans.rate[0]". */
            path: string;
            code: string;
            /** @description In English, as it always was. */
            message: string;
            /** @description The message's raw values (names, counts, ICCIDs, paths) to format your own way. */
            params: {
                [key: string]: unknown;
            };
            /** @description The message in the caller's language (docs/languages.md); findings stored before messages were localized show their English message. */
            text: string;
        };
        OnboardingPlanEntryInput: {
            /** @enum {string} */
            action: "create" | "change" | "move" | "remove";
            /** @description Where in the spec, e.g. "accounts[1].name" or "sims[0]". */
            path: string;
            /** @description What changes, in words (English). */
            object: string;
            /** @description What changes, in the caller's language. */
            objectMessage: components["schemas"]["LocalizedMessageInput"];
            before: unknown;
            after: unknown;
            /** @description SIMs: how many. */
            count?: number;
            /** @description SIMs: a few of their ICCIDs. */
            examples?: string[];
        };
        OnboardingPlanInput: {
            /** @description Send it back as confirmPlan to apply exactly this plan. */
            hash: string;
            entries: components["schemas"]["OnboardingPlanEntryInput"][];
            summary: {
                create: number;
                change: number;
                move: number;
                remove: number;
            };
        };
        OnboardingCheckInput: {
            reference: string | null;
            /** @description No errors (warnings do not block). */
            feasible: boolean;
            errors: number;
            warnings: number;
            findings: components["schemas"]["OnboardingFindingInput"][];
            /** @description What the spec asks for; null when it does not parse. */
            summary: {
                /** @description Accounts the spec describes: the customer and its sub-accounts. */
                accounts: number;
                communicationPlans: {
                    create: number;
                    reuse: number;
                };
                ratePlans: {
                    create: number;
                    reuse: number;
                };
                /** @description SIMs the spec assigns. */
                sims: number;
                privateApns: number;
                tunnels: number;
            } | null;
            /** @description For an existing onboarding: what applying the spec would create, change, move or remove. */
            plan?: components["schemas"]["OnboardingPlanInput"];
        };
        OnboardingInput: {
            id: string;
            reference: string;
            customerName: string;
            /** @enum {string} */
            state: "draft" | "validated" | "provisioning" | "waiting_on_customer" | "live" | "failed";
            customerAccountId: string | null;
            /** @description The provisioning job; follow it at /api/v1/jobs/{id}. */
            jobId: string | null;
            ownerEmail: string;
            contractSigned: string;
            requestedGoLive: string;
            /** @description The warnings of the last feasibility check. */
            findings: components["schemas"]["OnboardingFindingInput"][];
            /** @description What the last run did. */
            report: {
                [key: string]: unknown;
            } | null;
            /** @description Days from contract signed to live (null until live). */
            leadTimeDays: number | null;
            /** @description Start of the first data session of any of its SIMs (null until one is online). */
            firstSimOnlineAt: string | null;
            /** @description Days from contract signed to the first SIM online. */
            daysToFirstSimOnline: number | null;
            createdAt: string;
            validatedAt: string | null;
            provisioningAt: string | null;
            waitingOnCustomerAt: string | null;
            liveAt: string | null;
            failedAt: string | null;
            updatedAt: string;
        };
        OnboardingTaskInput: {
            id: string;
            /** @enum {string} */
            kind: "tunnel_date" | "sim_shipment" | "acceptance";
            title: string;
            /** @description The onboarding owner, an operator user. */
            ownerEmail: string;
            /** @description Due date (YYYY-MM-DD). */
            dueOn: string;
            /** @enum {string} */
            state: "open" | "done";
            note: string | null;
            doneAt: string | null;
            /** @description The user who marked it done. */
            doneBy: string | null;
            /** @description The desk case that carries the task. */
            caseId: string | null;
        };
        OnboardingCaseInput: {
            id: string;
            number: number;
            subject: string;
            state: string;
        };
        OnboardingDetailInput: {
            id: string;
            reference: string;
            customerName: string;
            /** @enum {string} */
            state: "draft" | "validated" | "provisioning" | "waiting_on_customer" | "live" | "failed";
            customerAccountId: string | null;
            /** @description The provisioning job; follow it at /api/v1/jobs/{id}. */
            jobId: string | null;
            ownerEmail: string;
            contractSigned: string;
            requestedGoLive: string;
            /** @description The warnings of the last feasibility check. */
            findings: components["schemas"]["OnboardingFindingInput"][];
            /** @description What the last run did. */
            report: {
                [key: string]: unknown;
            } | null;
            /** @description Days from contract signed to live (null until live). */
            leadTimeDays: number | null;
            /** @description Start of the first data session of any of its SIMs (null until one is online). */
            firstSimOnlineAt: string | null;
            /** @description Days from contract signed to the first SIM online. */
            daysToFirstSimOnline: number | null;
            createdAt: string;
            validatedAt: string | null;
            provisioningAt: string | null;
            waitingOnCustomerAt: string | null;
            liveAt: string | null;
            failedAt: string | null;
            updatedAt: string;
            /** @description The people's tasks, opened once provisioned. */
            tasks: components["schemas"]["OnboardingTaskInput"][];
            /** @description The desk case that carries the tasks. */
            case: components["schemas"]["OnboardingCaseInput"] | null;
            /** @description The spec as stored; PSKs are masked. */
            spec: {
                [key: string]: unknown;
            };
            /** @description Private APNs and IPsec tunnels, kept as data (PSKs masked). */
            services: {
                [key: string]: unknown;
            }[];
        };
        OnboardingLeadTimeStatsInput: {
            count: number;
            averageDays: number | null;
            medianDays: number | null;
            /** @description The shortest. */
            recordDays: number | null;
            recordReference: string | null;
        };
        Tmf678MoneyInput: {
            /** @description ISO 4217 currency code. */
            unit: string;
            /** @description A decimal string, e.g. "18.50" (exact; never a binary float). */
            value: string;
        };
        Tmf678CustomerBillInput: {
            id: string;
            href: string;
            /** @description null for a draft (not yet numbered). */
            billNo: string | null;
            /** @description When it was issued; null for a draft. */
            billDate: string | null;
            lastUpdate: string;
            /** @enum {string} */
            category: "normal" | "creditNote";
            /** @enum {string} */
            runType: "onCycle" | "offCycle";
            /**
             * @description new: a draft; onHold: a draft with flags; sent: issued to the customer.
             * @enum {string}
             */
            state: "new" | "onHold" | "sent";
            billingPeriod: {
                startDateTime: string;
                endDateTime: string;
                "@type": string;
            };
            amountDue: components["schemas"]["Tmf678MoneyInput"];
            remainingAmount: components["schemas"]["Tmf678MoneyInput"];
            taxExcludedAmount: components["schemas"]["Tmf678MoneyInput"];
            taxIncludedAmount: components["schemas"]["Tmf678MoneyInput"];
            taxItem: {
                taxCategory: string;
                /** @description Percent, as a decimal string. */
                taxRate: string;
                taxAmount: components["schemas"]["Tmf678MoneyInput"];
                "@type": string;
            }[];
            /** @description Always empty: Otter does not record payments. */
            appliedPayment: unknown[];
            billingAccount: {
                id: string;
                href: string;
                name: string;
                "@type": string;
                "@referredType": string;
            };
            billDocument: {
                name: string;
                mimeType: string;
                url: string;
                "@type": string;
            }[];
            relatedParty: {
                id: string;
                href: string;
                name: string;
                "@type": string;
                "@referredType": string;
                role: string;
            }[];
            /** @description On a credit note: the invoice it credits. */
            relatedCustomerBill?: {
                id: string;
                href: string;
                billNo: string | null;
                "@type": string;
            }[];
            /** @constant */
            "@type": "CustomerBill";
            /** @constant */
            "@baseType": "CustomerBill";
        };
        MacroInput: {
            id: string;
            name: string;
            body: string;
            tags: string[];
            placeholders: string[];
            createdAt: string;
            updatedAt: string;
        };
        ArticleInput: {
            id: string;
            title: string;
            body: string;
            tags: string[];
            createdAt: string;
            updatedAt: string;
        };
        /** @description The one error envelope of every Otter route. */
        Error: {
            error: {
                code: string;
                message: string;
                /** @description The refusal in the caller's language (docs/languages.md); in English it is the message. */
                text?: string;
                requestId: string;
                details?: unknown;
            };
        };
        RatePlanVersion: {
            version: number;
            effectiveFrom: string;
            subscription: {
                monthlyFeePerSim: number;
                activationFee: number;
                proration: string;
            };
            included: {
                dataBytes: number;
                sms: number;
                voiceSeconds: number;
            };
            pool: {
                type: string;
                fixedPoolBytes?: number;
            };
            zones: {
                zone: {
                    id: string;
                    name: string;
                };
                dataPerMB: number;
                smsMO: number;
                smsMT: number;
                voicePerMinute: number;
            }[];
            testReady: {
                dataBytes: number;
                sms: number;
                voiceSeconds: number;
                maxDays: number;
            };
            dataLimitBytes: number | null;
            rounding: string;
            planChange: string;
        };
        Sim: {
            id: string;
            iccid: string;
            imsi: string;
            msisdn: string | null;
            eid: string | null;
            imei: string | null;
            accountId: string;
            /** @enum {string} */
            state: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
            communicationPlan: {
                id: string;
                name: string;
            } | null;
            ratePlan: {
                id: string;
                name: string;
            } | null;
            /** @enum {string} */
            overageLimitOverride: "DEFAULT" | "TEMPORARY_OVERRIDE" | "PERMANENT_OVERRIDE";
            customFields: {
                [key: string]: string;
            };
            notes: string | null;
            dateActivated: string | null;
            createdByJobId: string | null;
            createdAt: string;
            updatedAt: string;
        };
        LocalizedMessage: {
            /** @description Stable code of the message, e.g. `session.hung`. */
            code: string;
            params: {
                [key: string]: unknown;
            };
            /** @description The message in the caller's language and time zone. */
            text: string;
        };
        DataSession: {
            id: string;
            /** @enum {string} */
            status: "open" | "closed";
            startedAt: string;
            endedAt: string | null;
            lastUpdateAt: string;
            apn: string | null;
            ip: string | null;
            rat: string | null;
            ratCode: number | null;
            mcc: string | null;
            mnc: string | null;
            bytesUp: number;
            bytesDown: number;
            terminateCause: string | null;
            imeisv: string | null;
        };
        SimWithConnectivity: {
            id: string;
            iccid: string;
            imsi: string;
            msisdn: string | null;
            eid: string | null;
            imei: string | null;
            accountId: string;
            /** @enum {string} */
            state: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
            communicationPlan: {
                id: string;
                name: string;
            } | null;
            ratePlan: {
                id: string;
                name: string;
            } | null;
            /** @enum {string} */
            overageLimitOverride: "DEFAULT" | "TEMPORARY_OVERRIDE" | "PERMANENT_OVERRIDE";
            customFields: {
                [key: string]: string;
            };
            notes: string | null;
            dateActivated: string | null;
            createdByJobId: string | null;
            createdAt: string;
            updatedAt: string;
            /**
             * @description As GET /api/v1/sims/{iccid}/connectivity decides it, now.
             * @enum {string}
             */
            connectivity: "BLOCKED" | "ONLINE" | "ATTACHED" | "OFFLINE";
            /** @description When the silence detector marked the SIM silent (no session or traffic for longer than its rhythm allows); null: not silent now. */
            silentSince: string | null;
        };
        Diagnosis: {
            iccid: string;
            /** @description One sentence a customer understands: the first broken rung and the next step. */
            verdict: string;
            /** @description The verdict in the caller's language and time zone (`language`). */
            verdictText: string;
            /** @description The verdict's sentences, in order. */
            verdictMessages: components["schemas"]["LocalizedMessage"][];
            /**
             * @description The language of every `text` in this answer.
             * @enum {string}
             */
            language: "en" | "it" | "sv";
            /** @enum {string} */
            overall: "ok" | "warn" | "fail";
            firstBroken: ("sim_state" | "limits" | "registration" | "roaming" | "data_session" | "traffic" | "device") | null;
            checkedAt: string;
            /** @description Time of the newest network signal the diagnosis rests on. */
            dataAsOf: string | null;
            rhythm: {
                typicalGapSeconds: number | null;
                basis: string;
                /** @description Start of the newest data session seen. */
                lastSessionAt: string | null;
            };
            rungs: {
                /** @enum {string} */
                name: "sim_state" | "limits" | "registration" | "roaming" | "data_session" | "traffic" | "device";
                /** @enum {string} */
                status: "pass" | "warn" | "fail" | "skipped";
                summary: string;
                summaryMessage: components["schemas"]["LocalizedMessage"];
                evidence: {
                    kind: string;
                    at?: string;
                    detail: string;
                    detailMessage: components["schemas"]["LocalizedMessage"];
                }[];
                fix?: {
                    /** @enum {string} */
                    action: "activate" | "change-plan" | "override-limit" | "reset-connectivity" | "send-sms" | "check-device";
                    description: string;
                    descriptionMessage: components["schemas"]["LocalizedMessage"];
                };
                /** @enum {string} */
                causeIn?: "sim_state" | "limits" | "registration" | "roaming" | "data_session" | "traffic" | "device";
            }[];
            actions: {
                /** @enum {string} */
                action: "activate" | "change-plan" | "override-limit" | "reset-connectivity" | "send-sms" | "check-device";
                description: string;
                descriptionMessage: components["schemas"]["LocalizedMessage"];
            }[];
            /** @description Remote actions whose proof Otter is still waiting for; they are not recommended again meanwhile. */
            watching: {
                actionId: string;
                type: string;
                requestedAt: string;
                watchUntil: string | null;
            }[];
        };
        SimAction: {
            id: string;
            iccid: string;
            type: string;
            /** @description watching, back_online or still_silent; a send-sms action is queued, submitted, then delivered (configuration) or watching (wake-up), or failed; cancelled when the SIM passed to another customer while it was watched */
            status: string;
            reason: string;
            params: {
                [key: string]: unknown;
            };
            requestedBy: string;
            createdAt: string;
            watchUntil: string | null;
            completedAt: string | null;
            /** @description The follow-up: back online at …, or still silent with the next step. */
            outcome: {
                [key: string]: unknown;
            } | null;
            /** @description The outcome's summary in the caller's language and time zone. */
            outcomeText: string | null;
            /** @description The SMS a send-sms action sent and its delivery (null for other actions). */
            sms: {
                id: string;
                /** @description queued, submitting, submitted, delivered or failed */
                status: string;
                purpose: string;
                /** @description gsm7, ucs2 or binary */
                encoding: string;
                segments: number;
                smsCentre: string | null;
                attempts: number;
                nextAttemptAt: string | null;
                messageIds: string[];
                submittedAt: string | null;
                deliveredAt: string | null;
                failedAt: string | null;
                error: string | null;
                receipts: unknown[];
            } | null;
            network: {
                id: string;
                kind: string;
                status: string;
                reason: string;
                requestedBy: string;
                attempts: number;
                sessionId: string | null;
                result: unknown;
                createdAt: string;
                updatedAt: string;
            }[];
            /** @description What happened so far, in order, each from a record: the request, the gateway's and the HSS's answers, the SMS, the registration, data session and traffic the network reported after it, the outcome (docs/diagnostics.md). */
            steps: {
                at: string;
                kind: string;
                /** @description The step in English. */
                text: string;
                /** @description The step in the caller's language and time zone. */
                message: components["schemas"]["LocalizedMessage"];
            }[];
            /** @description In the answer to a request only: what the change it made may not achieve (NO_COMMUNICATION_PLAN…). */
            warnings?: {
                code: string;
                message: string;
            }[];
        };
        Job: {
            id: string;
            kind: string;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            accountId: string;
            fileName: string | null;
            dryRun: boolean;
            progress: {
                /** @description upload, validate, select, apply or done */
                phase: string;
                done: number;
                total: number;
            };
            counts: {
                created: number;
                updated: number;
                unchanged: number;
                failed: number;
            };
            errorCount: number;
            /** @description Row errors about SIMs of accounts outside the reader's subtree: counted here, never listed. */
            hiddenErrorCount: number;
            /** @description The first 100 row errors the reader may see; all of them via /errors or /results.csv. */
            errors: {
                line: number;
                iccid: string | null;
                field: string | null;
                code: string;
                message: string;
            }[];
            failure: {
                code: string;
                message: string;
            } | null;
            cancelRequested: boolean;
            createdBy: string;
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
        };
        Webhook: {
            id: string;
            accountId: string;
            url: string;
            events: string[];
            /** @enum {string} */
            format: "otter" | "controlcenter";
            /** @description `xml` or `json` for format `controlcenter`; null for `otter`. */
            ccDataFormat: ("xml" | "json") | null;
            description: string | null;
            /** @enum {string} */
            status: "active" | "paused";
            /** @description Why Otter paused it, when it did. */
            pausedReason: string | null;
            consecutiveFailures: number;
            lastSuccessAt: string | null;
            createdAt: string;
            updatedAt: string;
        };
        WebhookDelivery: {
            id: string;
            webhookId: string;
            /** @description The event's id: the body's `id` and the Otter-Event-Id header. */
            eventId: string;
            eventType: string;
            eventCreatedAt: string;
            /** @enum {string} */
            status: "queued" | "sending" | "delivered" | "failed";
            /** @description Attempts since the delivery was last queued. */
            attemptCount: number;
            nextAttemptAt: string | null;
            lastStatusCode: number | null;
            lastError: string | null;
            createdAt: string;
            deliveredAt: string | null;
            /** @description Every attempt, oldest first. */
            attempts: {
                at: string;
                /** @description The receiver's HTTP status; null when no answer came. */
                statusCode: number | null;
                error: string | null;
                durationMs: number;
            }[];
        };
        AutomationRule: {
            id: string;
            accountId: string;
            name: string;
            description: string | null;
            enabled: boolean;
            trigger: {
                [key: string]: unknown;
            };
            conditions: {
                [key: string]: unknown;
            }[];
            actions: {
                [key: string]: unknown;
            }[];
            createdBy: string;
            createdAt: string;
            updatedAt: string;
        };
        AutomationFiring: {
            id: string;
            ruleId: string;
            /** @description The domain event that fired the rule; null for clock-driven triggers (no_session). */
            eventId: string | null;
            eventType: string;
            iccid: string | null;
            /**
             * @description failed: at least one action failed (see results).
             * @enum {string}
             */
            status: "pending" | "running" | "done" | "failed";
            attempts: number;
            results: ({
                type: string;
                ok: boolean;
            } & {
                [key: string]: unknown;
            })[] | null;
            /** @description What the trigger saw. */
            data: {
                [key: string]: unknown;
            };
            createdAt: string;
            finishedAt: string | null;
        };
        SmsCentre: {
            id: string;
            name: string;
            host: string;
            port: number;
            systemId: string;
            systemType: string;
            sourceAddress: string;
            imsiPrefixes: string[];
            createdAt: string;
        };
        ClarityFinding: {
            /** @enum {string} */
            rule: "language_mismatch" | "readability" | "long_sentence" | "passive_voice" | "jargon" | "relative_date" | "undated_promise" | "invalid_identifier" | "foreign_identifier" | "customer_term" | "unanswered_question" | "unfilled_placeholder";
            /** @enum {string} */
            severity: "info" | "warning";
            /** @description Offset into `body` in UTF-16 code units (JavaScript string index). */
            start: number;
            /** @description End offset (exclusive); a finding about the whole text spans all of it. */
            end: number;
            /** @description A plain explanation in the reply's language: which rule, and why. */
            message: string;
            /** @description Replacement for body[start, end), accepted in one action. */
            suggestion?: string;
        };
        ClarityCheck: {
            /**
             * @description An ISO 639-1 code: en, it or sv.
             * @enum {string}
             */
            language: "en" | "it" | "sv";
            readability: {
                /** @enum {string} */
                formula: "flesch" | "gulpease" | "lix";
                score: number;
            };
            findings: components["schemas"]["ClarityFinding"][];
        };
        ClarityGlossaryTerm: {
            /**
             * @description An ISO 639-1 code: en, it or sv.
             * @enum {string}
             */
            language: "en" | "it" | "sv";
            term: string;
            explanation: string;
            /**
             * @description `shipped` with Otter (until changed), or added or changed by the team.
             * @enum {string}
             */
            origin: "shipped" | "team";
            updatedAt: string;
        };
        ClarityStats: {
            weeks: {
                /** @description The Monday the week starts on (UTC), YYYY-MM-DD. */
                week: string;
                /** @description Replies sent in the week. */
                replies: number;
                /** @description Of them, replies sent with at least one finding not accepted. */
                withOpenFindings: number;
                /** @description withOpenFindings / replies, 0 to 1 (0 without replies). */
                share: number;
                byRule: {
                    /** @enum {string} */
                    rule: "language_mismatch" | "readability" | "long_sentence" | "passive_voice" | "jargon" | "relative_date" | "undated_promise" | "invalid_identifier" | "foreign_identifier" | "customer_term" | "unanswered_question" | "unfilled_placeholder";
                    /** @description Replies sent with an open finding of this rule. */
                    replies: number;
                    /** @description replies / the week's replies. */
                    share: number;
                    /** @description Findings of this rule the agents dismissed. */
                    dismissed: number;
                    /** @description Suggestions of this rule the agents accepted before sending. */
                    accepted: number;
                }[];
            }[];
        };
        ClaritySentCheck: {
            /**
             * @description An ISO 639-1 code: en, it or sv.
             * @enum {string}
             */
            language: "en" | "it" | "sv";
            readability: {
                /** @enum {string} */
                formula: "flesch" | "gulpease" | "lix";
                score: number;
            };
            sentAt: string;
            findings: {
                /** @enum {string} */
                rule: "language_mismatch" | "readability" | "long_sentence" | "passive_voice" | "jargon" | "relative_date" | "undated_promise" | "invalid_identifier" | "foreign_identifier" | "customer_term" | "unanswered_question" | "unfilled_placeholder";
                /** @enum {string} */
                severity: "info" | "warning";
                /** @enum {string} */
                decision: "open" | "dismissed" | "accepted";
                start: number | null;
                end: number | null;
                text: string;
                message: string;
                suggestion: string | null;
            }[];
        };
        BillingProfile: {
            accountId: string;
            /** @enum {string} */
            cycle: "calendar" | "anniversary";
            anchorDay: number;
            country: string | null;
            contactName: string | null;
            contactEmail: string | null;
            perSubAccount: boolean;
            /** @description false: no profile stored yet; these are the defaults. */
            configured: boolean;
            /** @description What invoices take from the account itself (PATCH /api/v1/accounts/{id} changes it). */
            fromAccount: {
                legalName: string | null;
                vatNumber: string | null;
                currency: string;
                timeZone: string;
                language: string;
                billingAddress: unknown | null;
            };
            vat: {
                /** @description Percent. */
                rate: string;
                reverseCharge: boolean;
                note: string;
            };
        };
        Invoice: {
            id: string;
            /** @enum {string} */
            kind: "invoice" | "credit_note";
            /** @enum {string} */
            status: "draft" | "issued";
            number: string | null;
            /** @description The account billed: the customer, or one of its sub-accounts when the customer is invoiced per sub-account. */
            accountId: string;
            /** @description The sub-account this invoice bills (its SIMs and its sub-accounts'), when the customer is invoiced per sub-account; null on the customer's own invoice. */
            subAccount: {
                id: string;
                /** @description As it was when the invoice was issued. */
                name: string;
                /** @description The customer the sub-account belongs to. */
                customerId: string;
            } | null;
            /**
             * @description `subtree`: the SIMs of the account and of all its sub-accounts. `account`: only the SIMs held on the customer's own account — its sub-accounts have invoices of their own.
             * @enum {string}
             */
            scope: "subtree" | "account";
            cycleStart: string;
            /** @description Inclusive: the cycle's last day. */
            cycleEnd: string;
            currency: string;
            timeZone: string;
            customer: {
                [key: string]: unknown;
            };
            /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
            subtotal: string;
            vatRate: string;
            /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
            vatAmount: string;
            /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
            total: string;
            reverseCharge: boolean;
            notes: string[];
            /** @description The notes in the reader's language (GET /api/v1/invoices/{id}): the VAT statement as the PDF states it, and for a credit note first the invoice it credits with the reason as typed; `notes` stays as recorded, in English. */
            notesText?: string[];
            flags: string[];
            creditedInvoiceId: string | null;
            createdAt: string;
            issuedAt: string | null;
            lines: {
                n: number;
                kind: string;
                description: string;
                /** @description The line in the reader's language, composed from its kind, plan and zone as the PDF words it (one invoice and a line's explanation); `description` stays as it was rated, in English. */
                descriptionText?: string;
                ratePlanId: string | null;
                planVersion: number | null;
                zoneId: string | null;
                quantity: string;
                unit: string;
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                unitPrice: string;
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                amount: string;
                flags: string[];
            }[];
        };
        InvoiceLineExplanation: {
            invoiceId: string;
            line: {
                n: number;
                kind: string;
                description: string;
                /** @description The line in the reader's language, composed from its kind, plan and zone as the PDF words it (one invoice and a line's explanation); `description` stays as it was rated, in English. */
                descriptionText?: string;
                ratePlanId: string | null;
                planVersion: number | null;
                zoneId: string | null;
                quantity: string;
                unit: string;
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                unitPrice: string;
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                amount: string;
                flags: string[];
            };
            /** @description The line in one or two plain sentences, in English. */
            summary: string;
            /** @description The summary as a message: its code, the line's figures as parameters (byte counts, money as `7.00 EUR`, days), and its text in the caller's language (docs/languages.md). */
            summaryMessage: components["schemas"]["LocalizedMessage"];
            planVersion: number | null;
            cycle: {
                start: string;
                end: string;
                days: number;
            };
            arithmetic: {
                parts: {
                    label: string;
                    quantity: string;
                    unit: string;
                    /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                    unitPrice: string;
                    /** @description Exact, before rounding. */
                    amount: string;
                    version?: number;
                }[];
                exact: string;
                rounding: string;
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                amount: string;
            };
            facts: {
                [key: string]: string | number;
            };
            /** @description A late-usage line: the earlier invoice whose cycle the usage belongs to. */
            lateFor?: {
                invoiceId: string;
                number: string | null;
                cycle: {
                    start: string;
                    end: string;
                };
            };
            sims: {
                items: {
                    iccid: string;
                    /** @description A late-usage line: the rate plan of the row. */
                    plan?: string;
                    zoneId?: string | null;
                    /** @description A late-usage line: the zone of the row (null: a network in no zone). */
                    zoneName?: string | null;
                    /** @description A late-usage line: test usage before activation. */
                    test?: boolean;
                    /** @description A late-usage line: the days the SIM used the zone in the earlier cycle when it was last billed (`days`: as recorded now). */
                    daysBilled?: number;
                    billableDays?: number;
                    contributionDays?: number;
                    activatedOn?: string | null;
                    days?: number;
                    bytes?: number;
                    smsMo?: number;
                    smsMt?: number;
                    sessions?: number;
                    /** @description This SIM's exact share of the line, where it has one. */
                    share?: string;
                }[];
                nextCursor: string | null;
            };
        };
        CycleToDate: {
            accountId: string;
            currency: string;
            cycle: {
                start: string;
                /** @description Inclusive. */
                end: string;
                days: number;
                /** @description Days so far, today included. */
                elapsedDays: number;
            };
            toDate: {
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                subtotal: string;
                flags: string[];
            };
            projected: {
                /** @description The invoice the cycle is heading for, before VAT. */
                subtotal: string;
            };
            lines: {
                n: number;
                kind: string;
                description: string;
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                toDate: string;
                /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                projected: string;
            }[];
        };
        SimCycleToDate: {
            iccid: string;
            /** @description The account whose cycle was rated (the SIM's customer). */
            accountId: string;
            currency: string;
            cycle: {
                start: string;
                /** @description Inclusive. */
                end: string;
                days: number;
                /** @description Days so far, today included. */
                elapsedDays: number;
            };
            ratePlan: {
                id: string;
                name: string;
            } | null;
            /** @description Billable days in the cycle, the state it is in today running to the cycle's end. */
            billableDays: number;
            usage: {
                zoneId: string | null;
                zoneName: string | null;
                /** @description Zone 1, the zone the allowance or pool covers. */
                home: boolean;
                test: boolean;
                /** @description Bytes (1 MB = 1,048,576 bytes). */
                bytes: number;
                /** @description Bytes (1 MB = 1,048,576 bytes). */
                projectedBytes: number;
                smsMo: number;
                smsMt: number;
                /** @description Null: the plan does not price the zone. */
                dataPerMB: string | null;
            }[];
            allowance: {
                /** @enum {string} */
                type: "none" | "flex" | "fixed";
                /** @description The SIM's own allowance; in a flexible pool, its contribution so far. */
                includedBytes: number;
                /** @description Bytes (1 MB = 1,048,576 bytes). */
                usedBytes: number;
                /** @description Bytes (1 MB = 1,048,576 bytes). */
                projectedBytes: number;
                /** @description Of the SIM's own allowance (never below 0). */
                leftBytes: number;
                pool: {
                    /** @description Bytes (1 MB = 1,048,576 bytes). */
                    bytes: number;
                    /** @description Bytes (1 MB = 1,048,576 bytes). */
                    usedBytes: number;
                    /** @description Bytes (1 MB = 1,048,576 bytes). */
                    projectedUsedBytes: number;
                    /** @description Bytes (1 MB = 1,048,576 bytes). */
                    leftBytes: number;
                } | null;
            };
            projected: {
                /** @description Zone-1 data beyond the SIM's own allowance and data in other zones, projected to the cycle's end, at the plan's prices (before VAT). In a pool, other SIMs' unused allowance may cover the zone-1 part. */
                overageAmount: string;
                flags: string[];
            };
        };
        DeskCalendar: {
            timeZone: string;
            hours: {
                [key: string]: [
                    string,
                    string
                ][];
            };
            holidays: string[];
            effectiveFrom: string | null;
            /** @description True while the operator has not set a calendar (Mon-Fri 09:00-17:00 UTC). */
            isDefault: boolean;
            /** @description A version that takes over later, if one is set. */
            upcoming: {
                timeZone: string;
                hours: {
                    [key: string]: [
                        string,
                        string
                    ][];
                };
                holidays: string[];
                effectiveFrom: string | null;
            } | null;
            openCasesToRecompute?: number;
        };
        SupportAgreement: {
            accountId: string;
            firstResponse: {
                low?: string | null;
                normal?: string | null;
                high?: string | null;
                urgent?: string | null;
            };
            resolution: {
                low?: string | null;
                normal?: string | null;
                high?: string | null;
                urgent?: string | null;
            };
            effectiveFrom: string | null;
            /** @description True when the targets come from a parent account, the operator default or Otter's built-in default. */
            inherited: boolean;
        };
        CaseSla: {
            /**
             * @description The most pressing clock state.
             * @enum {string}
             */
            state: "running" | "at_risk" | "paused" | "met" | "breached" | "none";
            /** @description The customer's time zone (its account setting). */
            timeZone: string;
            firstResponse: {
                /** @enum {string} */
                state: "running" | "at_risk" | "paused" | "met" | "breached" | "none";
                /** @description The target for the case's priority, ISO 8601 support time. */
                target: string | null;
                elapsedMs: number;
                /** @description Business ms left; negative once breached. */
                remainingMs: number | null;
                /** @description UTC; set while the clock runs. */
                dueAt: string | null;
                /** @description dueAt in the customer's time zone, with its offset. */
                dueAtLocal: string | null;
                breachedAt: string | null;
                stoppedAt: string | null;
                episode: number;
            };
            resolution: {
                /** @enum {string} */
                state: "running" | "at_risk" | "paused" | "met" | "breached" | "none";
                /** @description The target for the case's priority, ISO 8601 support time. */
                target: string | null;
                elapsedMs: number;
                /** @description Business ms left; negative once breached. */
                remainingMs: number | null;
                /** @description UTC; set while the clock runs. */
                dueAt: string | null;
                /** @description dueAt in the customer's time zone, with its offset. */
                dueAtLocal: string | null;
                breachedAt: string | null;
                stoppedAt: string | null;
                episode: number;
            };
        };
        DeskMailbox: {
            id: string;
            address: string;
            accountId: string | null;
            createdAt: string;
        };
        CaseEntry: {
            id: string;
            /** @enum {string} */
            kind: "email_in" | "email_out" | "phone" | "note" | "consultation" | "event";
            body: string | null;
            data: {
                [key: string]: unknown;
            };
            actor: {
                userId: string | null;
                name: string;
            };
            consultationId: string | null;
            message: {
                id: string;
                /** @enum {string} */
                direction: "in" | "out";
                messageId: string;
                from: string | null;
                to: string[];
                cc: string[];
                subject: string | null;
                flags: string[];
                needsHuman: boolean;
                rawSize: number;
                /** @description Outbound: queued, sent or failed (docs/mail.md). */
                sendStatus: string | null;
                /** @description Outbound and queued because no SMTP relay is configured yet. */
                waitingForRelay: boolean;
                sendError: string | null;
                sendAttempts: number | null;
                attachments: {
                    id: string;
                    filename: string | null;
                    contentType: string;
                    size: number;
                    inline: boolean;
                    stored: boolean;
                }[];
            } | null;
            createdAt: string;
        };
        Case: {
            id: string;
            number: number;
            accountId: string | null;
            triage: boolean;
            subject: string;
            /** @enum {string} */
            category: "sim_order" | "platform_howto" | "billing" | "technical" | "plans" | "products" | "other";
            /** @enum {string} */
            state: "new" | "open" | "waiting_on_customer" | "waiting_on_consultation" | "resolved" | "closed";
            /** @description The TM Forum TMF621 troubleTicket status of the state. */
            tmf621Status: string;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            ownerUserId: string | null;
            contactIds: string[];
            requesterEmail: string | null;
            requesterName: string | null;
            /** @enum {string} */
            channel: "email" | "phone" | "api" | "automation";
            reopenedFromCaseId: string | null;
            createdAt: string;
            updatedAt: string;
            resolvedAt: string | null;
            closedAt: string | null;
            /** @description The SLA clocks, computed from the timeline now (docs/desk-sla.md). */
            sla?: components["schemas"]["CaseSla"];
        };
        Consultation: {
            id: string;
            caseId: string;
            team: string | null;
            address: string | null;
            subject: string;
            /** @enum {string} */
            state: "open" | "answered" | "closed";
            createdAt: string;
            answeredAt: string | null;
            closedAt: string | null;
        };
        CaseDetail: {
            id: string;
            number: number;
            accountId: string | null;
            triage: boolean;
            subject: string;
            /** @enum {string} */
            category: "sim_order" | "platform_howto" | "billing" | "technical" | "plans" | "products" | "other";
            /** @enum {string} */
            state: "new" | "open" | "waiting_on_customer" | "waiting_on_consultation" | "resolved" | "closed";
            /** @description The TM Forum TMF621 troubleTicket status of the state. */
            tmf621Status: string;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            ownerUserId: string | null;
            contactIds: string[];
            requesterEmail: string | null;
            requesterName: string | null;
            /** @enum {string} */
            channel: "email" | "phone" | "api" | "automation";
            reopenedFromCaseId: string | null;
            createdAt: string;
            updatedAt: string;
            resolvedAt: string | null;
            closedAt: string | null;
            /** @description The SLA clocks, computed from the timeline now (docs/desk-sla.md). */
            sla?: components["schemas"]["CaseSla"];
            owner: {
                id: string;
                name: string;
                email: string;
            } | null;
            account: {
                id: string;
                name: string;
            } | null;
            contacts: {
                id: string;
                name: string;
                email: string | null;
                phone: string | null;
            }[];
            links: {
                id: string;
                /** @enum {string} */
                kind: "sim" | "account" | "invoice";
                iccid: string | null;
                accountId: string | null;
                accountName: string | null;
                createdAt: string;
                /** @description For a SIM: its state and plans, its connectivity (last session) and its diagnosis, as the SIM endpoints give them. */
                context: {
                    sim: unknown;
                    connectivity: unknown;
                    diagnosis: unknown;
                } | null;
                invoiceId: string | null;
                /** @description For an invoice: the invoice with its lines, as `GET /api/v1/invoices/{id}` gives it (null where the caller may not see it, such as a customer and a draft). Each line is explained at `/api/v1/invoices/{id}/lines/{n}/explanation`. */
                invoice: components["schemas"]["Invoice"] | null;
            }[];
            consultations: components["schemas"]["Consultation"][];
            timeline: components["schemas"]["CaseEntry"][];
        };
        CallerLookup: {
            number: string;
            matches: {
                contact: {
                    id: string;
                    name: string;
                    email: string | null;
                    phone: string | null;
                };
                account: {
                    id: string;
                    name: string;
                };
                openCases: components["schemas"]["Case"][];
            }[];
        };
        /** Otter onboarding spec */
        OnboardingSpec: {
            /** @constant */
            version: 1;
            /** @description The contract's reference: one onboarding per reference. */
            reference: string;
            customer: {
                /** @description The customer account's name in Otter. */
                name: string;
                legalName: string;
                vatNumber: string;
                billingAddress: {
                    addressLine1: string;
                    addressLine2?: string;
                    city: string;
                    state?: string;
                    postalCode?: string;
                    country: string;
                };
                currency: string;
                language: string;
                timeZone: string;
                /** @enum {string} */
                testReadyThen?: "ACTIVATION_READY" | "ACTIVATED";
                /** @description People at the customer, each with a role (technical, billing, commercial…). */
                contacts: {
                    name: string;
                    /** Format: email */
                    email?: string;
                    phone?: string;
                    language?: string;
                    role?: string;
                }[];
                /** @description Plans (by name) this account may use; they are offered to it. */
                plans?: {
                    /** @default [] */
                    communication: string[];
                    /** @default [] */
                    rate: string[];
                };
            };
            /** @default [] */
            accounts: {
                /** @description How the rest of the spec names this account. */
                key: string;
                name: string;
                /** @description The key of the parent sub-account; the customer's account when omitted. */
                parent?: string;
                /** @description The customer's currency when omitted. */
                currency?: string;
                /** @description Plans (by name) this account may use; they are offered to it. */
                plans?: {
                    /** @default [] */
                    communication: string[];
                    /** @default [] */
                    rate: string[];
                };
            }[];
            /**
             * @default {
             *       "communication": [],
             *       "rate": []
             *     }
             */
            plans: {
                /** @default [] */
                communication: {
                    name: string;
                    /**
                     * @description true: a plan of this name must already exist; nothing else may be given.
                     * @default false
                     */
                    reuse: boolean;
                    description?: string;
                    /** @description APN names. */
                    apns?: string[];
                    rats?: ("2G" | "3G" | "LTE" | "LTE-M" | "NB-IoT" | "5G")[];
                    /** @description Zone names the plan allows. */
                    zones?: string[];
                    /** @default true */
                    dataEnabled: boolean;
                    /** @default true */
                    smsEnabled: boolean;
                }[];
                /** @default [] */
                rate: {
                    name: string;
                    /** @default false */
                    reuse: boolean;
                    description?: string;
                    currency?: string;
                    monthlyFeePerSim?: number;
                    /** @default 0 */
                    activationFee: number;
                    /** @default 0 */
                    includedDataMB: number;
                    /** @default 0 */
                    includedSms: number;
                    /**
                     * @default none
                     * @enum {string}
                     */
                    pool: "none" | "flex" | "fixed";
                    fixedPoolMB?: number;
                    zones?: {
                        zone: string;
                        dataPerMB: number;
                        /** @default 0 */
                        smsMO: number;
                        /** @default 0 */
                        smsMT: number;
                    }[];
                }[];
            };
            /**
             * @default {
             *       "apns": []
             *     }
             */
            services: {
                /** @default [] */
                apns: {
                    name: string;
                    ipPool: string;
                    /** @default [] */
                    fixedIps: {
                        iccid: string;
                        ip: string;
                    }[];
                    ipsec?: {
                        /** @description 2; IKEv1 is refused. */
                        ikeVersion: number;
                        /** @description strongSwan proposals such as aes256-sha256-modp2048 or aes256gcm16-prfsha384-ecp384. */
                        ikeProposals: string[];
                        espProposals: string[];
                        /** @enum {string} */
                        auth: "psk" | "cert";
                        /** @description With auth psk: at least 32 characters. */
                        psk?: string;
                        /** @description The operator's tunnel end. */
                        localGateway: string;
                        /** @description The customer's tunnel end. */
                        remoteGateway: string;
                        customerSubnets: string[];
                        /** @default 86400 */
                        ikeLifetimeSeconds: number;
                        /** @default 3600 */
                        espLifetimeSeconds: number;
                        /**
                         * @default {
                         *       "delaySeconds": 30,
                         *       "action": "restart"
                         *     }
                         */
                        dpd: {
                            /** @default 30 */
                            delaySeconds: number;
                            /**
                             * @default restart
                             * @enum {string}
                             */
                            action: "restart" | "clear" | "trap";
                        };
                    };
                }[];
            };
            /** @default [] */
            sims: {
                /** @description Key of the sub-account the SIMs go to; the customer's account when omitted. */
                account?: string;
                /** @default [] */
                ranges: {
                    /** @description First ICCID of the range, check digit included. */
                    from: string;
                    /** @description Last ICCID of the range, same length. */
                    to: string;
                }[];
                /** @default [] */
                iccids: string[];
                /** @description How many SIMs the contract promises for this group; checked against the ICCIDs. */
                quantity?: number;
                /**
                 * @default TEST_READY
                 * @enum {string}
                 */
                state: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED";
                communicationPlan: string;
                ratePlan: string;
            }[];
            desk?: {
                /** @description SLA targets per priority as ISO 8601 durations ("PT4H"). */
                agreement: {
                    firstResponse: {
                        low?: string | null;
                        normal?: string | null;
                        high?: string | null;
                        urgent?: string | null;
                    };
                    resolution: {
                        low?: string | null;
                        normal?: string | null;
                        high?: string | null;
                        urgent?: string | null;
                    };
                };
            };
            dates: {
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD.
                 */
                contractSigned: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD.
                 */
                requestedGoLive: string;
                tunnelWindow?: {
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD.
                     */
                    from: string;
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD.
                     */
                    to: string;
                };
            };
            people: {
                /**
                 * Format: email
                 * @description E-mail of the operator user who owns the onboarding.
                 */
                onboardingOwner: string;
                /**
                 * Format: email
                 * @description E-mail of the customer's technical contact, one of customer.contacts.
                 */
                technicalContact: string;
            };
        };
        OnboardingFinding: {
            /** @enum {string} */
            severity: "error" | "warning";
            /** @description Where in the spec, e.g. "accounts[2].plans.rate[0]". */
            path: string;
            code: string;
            /** @description In English, as it always was. */
            message: string;
            /** @description The message's raw values (names, counts, ICCIDs, paths) to format your own way. */
            params: {
                [key: string]: unknown;
            };
            /** @description The message in the caller's language (docs/languages.md); findings stored before messages were localized show their English message. */
            text: string;
        };
        OnboardingPlanEntry: {
            /** @enum {string} */
            action: "create" | "change" | "move" | "remove";
            /** @description Where in the spec, e.g. "accounts[1].name" or "sims[0]". */
            path: string;
            /** @description What changes, in words (English). */
            object: string;
            /** @description What changes, in the caller's language. */
            objectMessage: components["schemas"]["LocalizedMessage"];
            before: unknown;
            after: unknown;
            /** @description SIMs: how many. */
            count?: number;
            /** @description SIMs: a few of their ICCIDs. */
            examples?: string[];
        };
        OnboardingPlan: {
            /** @description Send it back as confirmPlan to apply exactly this plan. */
            hash: string;
            entries: components["schemas"]["OnboardingPlanEntry"][];
            summary: {
                create: number;
                change: number;
                move: number;
                remove: number;
            };
        };
        OnboardingCheck: {
            reference: string | null;
            /** @description No errors (warnings do not block). */
            feasible: boolean;
            errors: number;
            warnings: number;
            findings: components["schemas"]["OnboardingFinding"][];
            /** @description What the spec asks for; null when it does not parse. */
            summary: {
                /** @description Accounts the spec describes: the customer and its sub-accounts. */
                accounts: number;
                communicationPlans: {
                    create: number;
                    reuse: number;
                };
                ratePlans: {
                    create: number;
                    reuse: number;
                };
                /** @description SIMs the spec assigns. */
                sims: number;
                privateApns: number;
                tunnels: number;
            } | null;
            /** @description For an existing onboarding: what applying the spec would create, change, move or remove. */
            plan?: components["schemas"]["OnboardingPlan"];
        };
        Onboarding: {
            id: string;
            reference: string;
            customerName: string;
            /** @enum {string} */
            state: "draft" | "validated" | "provisioning" | "waiting_on_customer" | "live" | "failed";
            customerAccountId: string | null;
            /** @description The provisioning job; follow it at /api/v1/jobs/{id}. */
            jobId: string | null;
            ownerEmail: string;
            contractSigned: string;
            requestedGoLive: string;
            /** @description The warnings of the last feasibility check. */
            findings: components["schemas"]["OnboardingFinding"][];
            /** @description What the last run did. */
            report: {
                [key: string]: unknown;
            } | null;
            /** @description Days from contract signed to live (null until live). */
            leadTimeDays: number | null;
            /** @description Start of the first data session of any of its SIMs (null until one is online). */
            firstSimOnlineAt: string | null;
            /** @description Days from contract signed to the first SIM online. */
            daysToFirstSimOnline: number | null;
            createdAt: string;
            validatedAt: string | null;
            provisioningAt: string | null;
            waitingOnCustomerAt: string | null;
            liveAt: string | null;
            failedAt: string | null;
            updatedAt: string;
        };
        OnboardingTask: {
            id: string;
            /** @enum {string} */
            kind: "tunnel_date" | "sim_shipment" | "acceptance";
            title: string;
            /** @description The onboarding owner, an operator user. */
            ownerEmail: string;
            /** @description Due date (YYYY-MM-DD). */
            dueOn: string;
            /** @enum {string} */
            state: "open" | "done";
            note: string | null;
            doneAt: string | null;
            /** @description The user who marked it done. */
            doneBy: string | null;
            /** @description The desk case that carries the task. */
            caseId: string | null;
        };
        OnboardingCase: {
            id: string;
            number: number;
            subject: string;
            state: string;
        };
        OnboardingDetail: {
            id: string;
            reference: string;
            customerName: string;
            /** @enum {string} */
            state: "draft" | "validated" | "provisioning" | "waiting_on_customer" | "live" | "failed";
            customerAccountId: string | null;
            /** @description The provisioning job; follow it at /api/v1/jobs/{id}. */
            jobId: string | null;
            ownerEmail: string;
            contractSigned: string;
            requestedGoLive: string;
            /** @description The warnings of the last feasibility check. */
            findings: components["schemas"]["OnboardingFinding"][];
            /** @description What the last run did. */
            report: {
                [key: string]: unknown;
            } | null;
            /** @description Days from contract signed to live (null until live). */
            leadTimeDays: number | null;
            /** @description Start of the first data session of any of its SIMs (null until one is online). */
            firstSimOnlineAt: string | null;
            /** @description Days from contract signed to the first SIM online. */
            daysToFirstSimOnline: number | null;
            createdAt: string;
            validatedAt: string | null;
            provisioningAt: string | null;
            waitingOnCustomerAt: string | null;
            liveAt: string | null;
            failedAt: string | null;
            updatedAt: string;
            /** @description The people's tasks, opened once provisioned. */
            tasks: components["schemas"]["OnboardingTask"][];
            /** @description The desk case that carries the tasks. */
            case: components["schemas"]["OnboardingCase"] | null;
            /** @description The spec as stored; PSKs are masked. */
            spec: {
                [key: string]: unknown;
            };
            /** @description Private APNs and IPsec tunnels, kept as data (PSKs masked). */
            services: {
                [key: string]: unknown;
            }[];
        };
        OnboardingLeadTimeStats: {
            count: number;
            averageDays: number | null;
            medianDays: number | null;
            /** @description The shortest. */
            recordDays: number | null;
            recordReference: string | null;
        };
        Tmf678Money: {
            /** @description ISO 4217 currency code. */
            unit: string;
            /** @description A decimal string, e.g. "18.50" (exact; never a binary float). */
            value: string;
        };
        Tmf678CustomerBill: {
            id: string;
            href: string;
            /** @description null for a draft (not yet numbered). */
            billNo: string | null;
            /** @description When it was issued; null for a draft. */
            billDate: string | null;
            lastUpdate: string;
            /** @enum {string} */
            category: "normal" | "creditNote";
            /** @enum {string} */
            runType: "onCycle" | "offCycle";
            /**
             * @description new: a draft; onHold: a draft with flags; sent: issued to the customer.
             * @enum {string}
             */
            state: "new" | "onHold" | "sent";
            billingPeriod: {
                startDateTime: string;
                endDateTime: string;
                "@type": string;
            };
            amountDue: components["schemas"]["Tmf678Money"];
            remainingAmount: components["schemas"]["Tmf678Money"];
            taxExcludedAmount: components["schemas"]["Tmf678Money"];
            taxIncludedAmount: components["schemas"]["Tmf678Money"];
            taxItem: {
                taxCategory: string;
                /** @description Percent, as a decimal string. */
                taxRate: string;
                taxAmount: components["schemas"]["Tmf678Money"];
                "@type": string;
            }[];
            /** @description Always empty: Otter does not record payments. */
            appliedPayment: unknown[];
            billingAccount: {
                id: string;
                href: string;
                name: string;
                "@type": string;
                "@referredType": string;
            };
            billDocument: {
                name: string;
                mimeType: string;
                url: string;
                "@type": string;
            }[];
            relatedParty: {
                id: string;
                href: string;
                name: string;
                "@type": string;
                "@referredType": string;
                role: string;
            }[];
            /** @description On a credit note: the invoice it credits. */
            relatedCustomerBill?: {
                id: string;
                href: string;
                billNo: string | null;
                "@type": string;
            }[];
            /** @constant */
            "@type": "CustomerBill";
            /** @constant */
            "@baseType": "CustomerBill";
        };
        Macro: {
            id: string;
            name: string;
            body: string;
            tags: string[];
            placeholders: string[];
            createdAt: string;
            updatedAt: string;
        };
        Article: {
            id: string;
            title: string;
            body: string;
            tags: string[];
            createdAt: string;
            updatedAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        engine: string;
                        version: string;
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "unavailable";
                        reason: string;
                    };
                };
            };
        };
    };
    listAccounts: {
        parameters: {
            query?: {
                parentId?: string;
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            parentId: string | null;
                            /** @enum {string} */
                            kind: "operator" | "customer";
                            name: string;
                            legalName: string | null;
                            vatNumber: string | null;
                            currency: string;
                            language: string;
                            timeZone: string;
                            billingAddress: {
                                [key: string]: unknown;
                            } | null;
                            testReadyThen: string;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: uuid */
                    parentId?: string;
                    legalName?: string;
                    vatNumber?: string;
                    currency?: string;
                    language?: string;
                    timeZone?: string;
                    billingAddress?: {
                        addressLine1: string;
                        addressLine2?: string;
                        city: string;
                        state?: string;
                        postalCode?: string;
                        country: string;
                    };
                    /** @enum {string} */
                    testReadyThen?: "ACTIVATION_READY" | "ACTIVATED";
                    contacts?: {
                        name: string;
                        /** Format: email */
                        email?: string;
                        phone?: string;
                        language?: string;
                        role?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        parentId: string | null;
                        /** @enum {string} */
                        kind: "operator" | "customer";
                        name: string;
                        legalName: string | null;
                        vatNumber: string | null;
                        currency: string;
                        language: string;
                        timeZone: string;
                        billingAddress: {
                            [key: string]: unknown;
                        } | null;
                        testReadyThen: string;
                        createdAt: string;
                        updatedAt: string;
                        contacts: {
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            language: string | null;
                            role: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        parentId: string | null;
                        /** @enum {string} */
                        kind: "operator" | "customer";
                        name: string;
                        legalName: string | null;
                        vatNumber: string | null;
                        currency: string;
                        language: string;
                        timeZone: string;
                        billingAddress: {
                            [key: string]: unknown;
                        } | null;
                        testReadyThen: string;
                        createdAt: string;
                        updatedAt: string;
                        contacts: {
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            language: string | null;
                            role: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description null clears it. */
                    legalName?: string | null;
                    /** @description null clears it. */
                    vatNumber?: string | null;
                    currency?: string;
                    language?: string;
                    timeZone?: string;
                    /** @description The whole address; null clears it. */
                    billingAddress?: {
                        addressLine1: string;
                        addressLine2?: string;
                        city: string;
                        state?: string;
                        postalCode?: string;
                        country: string;
                    } | null;
                    /** @enum {string} */
                    testReadyThen?: "ACTIVATION_READY" | "ACTIVATED";
                    /** @description Contacts to add to the account. */
                    addContacts?: {
                        name: string;
                        /** Format: email */
                        email?: string;
                        phone?: string;
                        language?: string;
                        role?: string;
                    }[];
                    /** @description Ids of the account's contacts to remove. */
                    removeContacts?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        parentId: string | null;
                        /** @enum {string} */
                        kind: "operator" | "customer";
                        name: string;
                        legalName: string | null;
                        vatNumber: string | null;
                        currency: string;
                        language: string;
                        timeZone: string;
                        billingAddress: {
                            [key: string]: unknown;
                        } | null;
                        testReadyThen: string;
                        createdAt: string;
                        updatedAt: string;
                        contacts: {
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            language: string | null;
                            role: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    moveAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description The account to move it under: of the same customer, neither the account itself nor one below it.
                     */
                    parentId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: {
                            id: string;
                            parentId: string | null;
                            /** @enum {string} */
                            kind: "operator" | "customer";
                            name: string;
                            legalName: string | null;
                            vatNumber: string | null;
                            currency: string;
                            language: string;
                            timeZone: string;
                            billingAddress: {
                                [key: string]: unknown;
                            } | null;
                            testReadyThen: string;
                            createdAt: string;
                            updatedAt: string;
                        };
                        fromParentId: string;
                        moved: boolean;
                        accounts: number;
                        sims: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listContacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            language: string | null;
                            role: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: email */
                    email?: string;
                    phone?: string;
                    language?: string;
                    role?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        email: string | null;
                        phone: string | null;
                        language: string | null;
                        role: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                accountId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            accountId: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "operator_admin" | "operator_agent" | "customer_admin" | "customer_user";
                            createdAt: string;
                            disabled: boolean;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    accountId: string;
                    /** Format: email */
                    email: string;
                    name: string;
                    /** @enum {string} */
                    role: "operator_admin" | "operator_agent" | "customer_admin" | "customer_user";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "operator_admin" | "operator_agent" | "customer_admin" | "customer_user";
                        createdAt: string;
                        disabled: boolean;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    whoAmI: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "operator_admin" | "operator_agent" | "customer_admin" | "customer_user";
                        createdAt: string;
                        disabled: boolean;
                        accountPath: string[];
                        language: string;
                        timeZone: string;
                        own: {
                            language: string | null;
                            timeZone: string | null;
                        };
                        /** @enum {string} */
                        authenticatedBy: "session" | "api_key";
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    language?: ("en" | "it" | "sv") | null;
                    timeZone?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "operator_admin" | "operator_agent" | "customer_admin" | "customer_user";
                        createdAt: string;
                        disabled: boolean;
                        accountPath: string[];
                        language: string;
                        timeZone: string;
                        own: {
                            language: string | null;
                            timeZone: string | null;
                        };
                        /** @enum {string} */
                        authenticatedBy: "session" | "api_key";
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "operator_admin" | "operator_agent" | "customer_admin" | "customer_user";
                        createdAt: string;
                        disabled: boolean;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            prefix: string;
                            name: string | null;
                            createdAt: string;
                            revokedAt: string | null;
                            lastUsedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        key: string;
                        prefix: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            accountId: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "operator_admin" | "operator_agent" | "customer_admin" | "customer_user";
                            createdAt: string;
                            disabled: boolean;
                            accountPath: string[];
                            language: string;
                            timeZone: string;
                            own: {
                                language: string | null;
                                timeZone: string | null;
                            };
                            /** @enum {string} */
                            authenticatedBy: "session" | "api_key";
                        };
                        csrfToken: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            createdAt: string;
                            lastSeenAt: string;
                            expiresAt: string;
                            userAgent: string | null;
                            ip: string | null;
                            current: boolean;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    inviteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        email: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listZones: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            description: string | null;
                            countries: string[];
                            plmns: string[];
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createZone: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    countries: string[];
                    plmns?: string[];
                    /** @description What the zone is for, in words. */
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string | null;
                        countries: string[];
                        plmns: string[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getZone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id or the unique name. */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string | null;
                        countries: string[];
                        plmns: string[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteZone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id or the unique name. */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateZone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id or the unique name. */
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    countries?: string[];
                    plmns?: string[];
                    /** @description null clears it. */
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string | null;
                        countries: string[];
                        plmns: string[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCommunicationPlans: {
        parameters: {
            query?: {
                /** @description Only the plans this account's SIMs may use: offered to it or to an ancestor. */
                accountId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            description: string | null;
                            apns: {
                                name: string;
                                type: string;
                                ipAddressing: string;
                                ipPool?: string;
                            }[];
                            dataEnabled: boolean;
                            smsEnabled: boolean;
                            voiceEnabled: boolean;
                            rats: string[];
                            zones: {
                                id: string;
                                name: string;
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCommunicationPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    apns: {
                        name: string;
                        /**
                         * @default public
                         * @enum {string}
                         */
                        type?: "public" | "private";
                        /**
                         * @default dynamic
                         * @enum {string}
                         */
                        ipAddressing?: "dynamic" | "static";
                        ipPool?: string;
                    }[];
                    /** @default true */
                    dataEnabled?: boolean;
                    /** @default true */
                    smsEnabled?: boolean;
                    /** @default false */
                    voiceEnabled?: boolean;
                    rats: ("2G" | "3G" | "LTE" | "LTE-M" | "NB-IoT" | "5G")[];
                    zones: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string | null;
                        apns: {
                            name: string;
                            type: string;
                            ipAddressing: string;
                            ipPool?: string;
                        }[];
                        dataEnabled: boolean;
                        smsEnabled: boolean;
                        voiceEnabled: boolean;
                        rats: string[];
                        zones: {
                            id: string;
                            name: string;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCommunicationPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id or the unique name. */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string | null;
                        apns: {
                            name: string;
                            type: string;
                            ipAddressing: string;
                            ipPool?: string;
                        }[];
                        dataEnabled: boolean;
                        smsEnabled: boolean;
                        voiceEnabled: boolean;
                        rats: string[];
                        zones: {
                            id: string;
                            name: string;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateCommunicationPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id or the unique name. */
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                    apns?: {
                        name: string;
                        /**
                         * @default public
                         * @enum {string}
                         */
                        type?: "public" | "private";
                        /**
                         * @default dynamic
                         * @enum {string}
                         */
                        ipAddressing?: "dynamic" | "static";
                        ipPool?: string;
                    }[];
                    /** @default true */
                    dataEnabled?: boolean;
                    /** @default true */
                    smsEnabled?: boolean;
                    /** @default false */
                    voiceEnabled?: boolean;
                    rats?: ("2G" | "3G" | "LTE" | "LTE-M" | "NB-IoT" | "5G")[];
                    zones?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string | null;
                        apns: {
                            name: string;
                            type: string;
                            ipAddressing: string;
                            ipPool?: string;
                        }[];
                        dataEnabled: boolean;
                        smsEnabled: boolean;
                        voiceEnabled: boolean;
                        rats: string[];
                        zones: {
                            id: string;
                            name: string;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRatePlans: {
        parameters: {
            query?: {
                /** @description Only the plans this account's SIMs may use: offered to it or to an ancestor. */
                accountId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            currency: string;
                            description: string | null;
                            currentVersion: components["schemas"]["RatePlanVersion"] | null;
                            versions: components["schemas"]["RatePlanVersion"][];
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createRatePlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description ISO 8601; defaults to now.
                     */
                    effectiveFrom?: string;
                    subscription: {
                        monthlyFeePerSim: number;
                        /** @default 0 */
                        activationFee?: number;
                        /**
                         * @default daily
                         * @enum {string}
                         */
                        proration?: "daily" | "none";
                    };
                    /**
                     * @default {
                     *       "dataBytes": 0,
                     *       "sms": 0,
                     *       "voiceSeconds": 0
                     *     }
                     */
                    included?: {
                        /** @default 0 */
                        dataBytes?: number;
                        /** @default 0 */
                        sms?: number;
                        /** @default 0 */
                        voiceSeconds?: number;
                    };
                    /**
                     * @default {
                     *       "type": "none"
                     *     }
                     */
                    pool?: {
                        /** @enum {string} */
                        type: "none" | "flex" | "fixed";
                        fixedPoolBytes?: number;
                    };
                    zones: {
                        zone: string;
                        dataPerMB: number;
                        /** @default 0 */
                        smsMO?: number;
                        /** @default 0 */
                        smsMT?: number;
                        /** @default 0 */
                        voicePerMinute?: number;
                    }[];
                    /**
                     * @default {
                     *       "dataBytes": 30720,
                     *       "sms": 5,
                     *       "voiceSeconds": 120,
                     *       "maxDays": 90
                     *     }
                     */
                    testReady?: {
                        /** @default 30720 */
                        dataBytes?: number;
                        /** @default 5 */
                        sms?: number;
                        /** @default 120 */
                        voiceSeconds?: number;
                        /** @default 90 */
                        maxDays?: number;
                    };
                    /**
                     * @description Per-SIM data limit per cycle; null for none.
                     * @default null
                     */
                    dataLimitBytes?: number | null;
                    /**
                     * @default perKB
                     * @enum {string}
                     */
                    rounding?: "perKB" | "perMB";
                    /**
                     * @default nextCycle
                     * @enum {string}
                     */
                    planChange?: "nextCycle" | "immediate";
                    name: string;
                    currency: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        currency: string;
                        description: string | null;
                        currentVersion: components["schemas"]["RatePlanVersion"] | null;
                        versions: components["schemas"]["RatePlanVersion"][];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRatePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id or the unique name. */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        currency: string;
                        description: string | null;
                        currentVersion: components["schemas"]["RatePlanVersion"] | null;
                        versions: components["schemas"]["RatePlanVersion"][];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addRatePlanVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id or the unique name. */
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description ISO 8601; defaults to now.
                     */
                    effectiveFrom?: string;
                    subscription: {
                        monthlyFeePerSim: number;
                        /** @default 0 */
                        activationFee?: number;
                        /**
                         * @default daily
                         * @enum {string}
                         */
                        proration?: "daily" | "none";
                    };
                    /**
                     * @default {
                     *       "dataBytes": 0,
                     *       "sms": 0,
                     *       "voiceSeconds": 0
                     *     }
                     */
                    included?: {
                        /** @default 0 */
                        dataBytes?: number;
                        /** @default 0 */
                        sms?: number;
                        /** @default 0 */
                        voiceSeconds?: number;
                    };
                    /**
                     * @default {
                     *       "type": "none"
                     *     }
                     */
                    pool?: {
                        /** @enum {string} */
                        type: "none" | "flex" | "fixed";
                        fixedPoolBytes?: number;
                    };
                    zones: {
                        zone: string;
                        dataPerMB: number;
                        /** @default 0 */
                        smsMO?: number;
                        /** @default 0 */
                        smsMT?: number;
                        /** @default 0 */
                        voicePerMinute?: number;
                    }[];
                    /**
                     * @default {
                     *       "dataBytes": 30720,
                     *       "sms": 5,
                     *       "voiceSeconds": 120,
                     *       "maxDays": 90
                     *     }
                     */
                    testReady?: {
                        /** @default 30720 */
                        dataBytes?: number;
                        /** @default 5 */
                        sms?: number;
                        /** @default 120 */
                        voiceSeconds?: number;
                        /** @default 90 */
                        maxDays?: number;
                    };
                    /**
                     * @description Per-SIM data limit per cycle; null for none.
                     * @default null
                     */
                    dataLimitBytes?: number | null;
                    /**
                     * @default perKB
                     * @enum {string}
                     */
                    rounding?: "perKB" | "perMB";
                    /**
                     * @default nextCycle
                     * @enum {string}
                     */
                    planChange?: "nextCycle" | "immediate";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        currency: string;
                        description: string | null;
                        currentVersion: components["schemas"]["RatePlanVersion"] | null;
                        versions: components["schemas"]["RatePlanVersion"][];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCommunicationPlanOffers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id or the unique name. */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plan: {
                            id: string;
                            name: string;
                        };
                        accounts: {
                            id: string;
                            name: string;
                            offeredAt: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    offerCommunicationPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id or the unique name. */
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    accountId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plan: {
                            id: string;
                            name: string;
                        };
                        accounts: {
                            id: string;
                            name: string;
                            offeredAt: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    withdrawCommunicationPlanOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id or the unique name. */
                ref: string;
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRatePlanOffers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id or the unique name. */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plan: {
                            id: string;
                            name: string;
                        };
                        accounts: {
                            id: string;
                            name: string;
                            offeredAt: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    offerRatePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id or the unique name. */
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    accountId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plan: {
                            id: string;
                            name: string;
                        };
                        accounts: {
                            id: string;
                            name: string;
                            offeredAt: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    withdrawRatePlanOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id or the unique name. */
                ref: string;
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    checkPlanCombination: {
        parameters: {
            query?: {
                /** @description Check this communication plan; without it, every one you can see. */
                communicationPlan?: string;
                /** @description Check against this rate plan; without it, every one you can see. */
                ratePlan?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The plan asked about, if one was named. */
                        communicationPlan: {
                            id: string;
                            name: string;
                        } | null;
                        /** @description The plan asked about, if one was named. */
                        ratePlan: {
                            id: string;
                            name: string;
                        } | null;
                        /** @description Every pair of plans checked, with how many warnings it has. */
                        pairs: {
                            communicationPlan: {
                                id: string;
                                name: string;
                            };
                            ratePlan: {
                                id: string;
                                name: string;
                            };
                            warnings: number;
                        }[];
                        warnings: {
                            code: string;
                            message: string;
                            /** @description The parameters of the message, by the names its catalog uses (docs/languages.md). */
                            params: {
                                [key: string]: unknown;
                            };
                            zone?: {
                                id: string;
                                name: string;
                            };
                            /** @description The message in the caller's language. */
                            text: string;
                            communicationPlan: {
                                id: string;
                                name: string;
                            };
                            ratePlan: {
                                id: string;
                                name: string;
                            };
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSims: {
        parameters: {
            query?: {
                /** @description SIMs in this account's subtree (default: all visible). */
                accountId?: string;
                state?: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
                /** @description Id or name. */
                communicationPlan?: string;
                /** @description Id or name. */
                ratePlan?: string;
                /** @description The SIM as a caller names it: ICCID, IMSI, MSISDN (with or without +) or IMEI — the one recorded on the SIM or the device the network last saw it in. */
                identifier?: string;
                iccid?: string;
                imsi?: string;
                msisdn?: string;
                customField?: "accountCustom1" | "accountCustom2" | "accountCustom3" | "accountCustom4" | "accountCustom5" | "accountCustom6" | "accountCustom7" | "accountCustom8" | "accountCustom9" | "accountCustom10" | "customerCustom1" | "customerCustom2" | "customerCustom3" | "customerCustom4" | "customerCustom5" | "operatorCustom1" | "operatorCustom2" | "operatorCustom3" | "operatorCustom4" | "operatorCustom5";
                customValue?: string;
                modifiedSince?: string;
                cursor?: string;
                limit?: number;
                /** @description Only SIMs with this connectivity now: BLOCKED (not in a connecting state, or over its data limit), ONLINE (a data session open), ATTACHED (registered, no session), OFFLINE. */
                connectivity?: "BLOCKED" | "ONLINE" | "ATTACHED" | "OFFLINE";
                /** @description true: only SIMs the silence detector marks silent now (a SIM in a connecting state whose last session or traffic is older than its usual rhythm allows; docs/automation.md); false: only the others. */
                silent?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SimWithConnectivity"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSim: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    iccid: string;
                    imsi: string;
                    msisdn: string;
                    eid?: string;
                    imei?: string;
                    /**
                     * Format: uuid
                     * @description Defaults to the operator's stock (root account).
                     */
                    accountId?: string;
                    /**
                     * @default INVENTORY
                     * @enum {string}
                     */
                    state?: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
                    communicationPlan?: string;
                    ratePlan?: string;
                    customFields?: {
                        [key: string]: string | null;
                    };
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        iccid: string;
                        imsi: string;
                        msisdn: string | null;
                        eid: string | null;
                        imei: string | null;
                        accountId: string;
                        /** @enum {string} */
                        state: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
                        communicationPlan: {
                            id: string;
                            name: string;
                        } | null;
                        ratePlan: {
                            id: string;
                            name: string;
                        } | null;
                        /** @enum {string} */
                        overageLimitOverride: "DEFAULT" | "TEMPORARY_OVERRIDE" | "PERMANENT_OVERRIDE";
                        customFields: {
                            [key: string]: string;
                        };
                        notes: string | null;
                        dateActivated: string | null;
                        createdByJobId: string | null;
                        createdAt: string;
                        updatedAt: string;
                        usageLimit: {
                            /** @description Per-cycle data limit from the rate plan version in force. */
                            dataLimitBytes: number | null;
                            /** @enum {string} */
                            override: "DEFAULT" | "TEMPORARY_OVERRIDE" | "PERMANENT_OVERRIDE";
                            /** @description False when an override lifts the limit. */
                            enforced: boolean;
                        };
                        /** @description The states the caller may move this SIM to now (PATCH state): the lifecycle's transitions from its state, less those only the operator may make when the caller is a customer; empty for a caller who may not change SIMs. */
                        allowedTransitions: ("TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED")[];
                        pendingChanges: {
                            id: string;
                            effectiveDate: string;
                            changes: {
                                [key: string]: unknown;
                            };
                            status: string;
                            reason: string | null;
                            requestedBy: string;
                            createdAt: string;
                            error: unknown | null;
                        }[];
                        warnings: {
                            code: string;
                            /** @description In English, as it always was. */
                            message: string;
                            params: {
                                [key: string]: unknown;
                            };
                            /** @description The warning in the caller's language (docs/languages.md). */
                            text: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The SIM's ICCID, or its IMSI, MSISDN or the IMEI of its device. */
                iccid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        iccid: string;
                        imsi: string;
                        msisdn: string | null;
                        eid: string | null;
                        imei: string | null;
                        accountId: string;
                        /** @enum {string} */
                        state: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
                        communicationPlan: {
                            id: string;
                            name: string;
                        } | null;
                        ratePlan: {
                            id: string;
                            name: string;
                        } | null;
                        /** @enum {string} */
                        overageLimitOverride: "DEFAULT" | "TEMPORARY_OVERRIDE" | "PERMANENT_OVERRIDE";
                        customFields: {
                            [key: string]: string;
                        };
                        notes: string | null;
                        dateActivated: string | null;
                        createdByJobId: string | null;
                        createdAt: string;
                        updatedAt: string;
                        usageLimit: {
                            /** @description Per-cycle data limit from the rate plan version in force. */
                            dataLimitBytes: number | null;
                            /** @enum {string} */
                            override: "DEFAULT" | "TEMPORARY_OVERRIDE" | "PERMANENT_OVERRIDE";
                            /** @description False when an override lifts the limit. */
                            enforced: boolean;
                        };
                        /** @description The states the caller may move this SIM to now (PATCH state): the lifecycle's transitions from its state, less those only the operator may make when the caller is a customer; empty for a caller who may not change SIMs. */
                        allowedTransitions: ("TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED")[];
                        pendingChanges: {
                            id: string;
                            effectiveDate: string;
                            changes: {
                                [key: string]: unknown;
                            };
                            status: string;
                            reason: string | null;
                            requestedBy: string;
                            createdAt: string;
                            error: unknown | null;
                        }[];
                        warnings: {
                            code: string;
                            /** @description In English, as it always was. */
                            message: string;
                            params: {
                                [key: string]: unknown;
                            };
                            /** @description The warning in the caller's language (docs/languages.md). */
                            text: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The SIM's ICCID. */
                iccid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    state?: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
                    /** @description Id or name. */
                    communicationPlan?: string;
                    /** @description Id or name. */
                    ratePlan?: string;
                    /**
                     * Format: uuid
                     * @description Transfer the SIM to this account.
                     */
                    accountId?: string;
                    customFields?: {
                        [key: string]: string | null;
                    };
                    /** @enum {string} */
                    overageLimitOverride?: "DEFAULT" | "TEMPORARY_OVERRIDE" | "PERMANENT_OVERRIDE";
                    imei?: string | null;
                    notes?: string | null;
                    /**
                     * Format: date-time
                     * @description When the change takes effect; a future date schedules it (at most 180 days ahead).
                     */
                    effectiveDate?: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        iccid: string;
                        imsi: string;
                        msisdn: string | null;
                        eid: string | null;
                        imei: string | null;
                        accountId: string;
                        /** @enum {string} */
                        state: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
                        communicationPlan: {
                            id: string;
                            name: string;
                        } | null;
                        ratePlan: {
                            id: string;
                            name: string;
                        } | null;
                        /** @enum {string} */
                        overageLimitOverride: "DEFAULT" | "TEMPORARY_OVERRIDE" | "PERMANENT_OVERRIDE";
                        customFields: {
                            [key: string]: string;
                        };
                        notes: string | null;
                        dateActivated: string | null;
                        createdByJobId: string | null;
                        createdAt: string;
                        updatedAt: string;
                        usageLimit: {
                            /** @description Per-cycle data limit from the rate plan version in force. */
                            dataLimitBytes: number | null;
                            /** @enum {string} */
                            override: "DEFAULT" | "TEMPORARY_OVERRIDE" | "PERMANENT_OVERRIDE";
                            /** @description False when an override lifts the limit. */
                            enforced: boolean;
                        };
                        /** @description The states the caller may move this SIM to now (PATCH state): the lifecycle's transitions from its state, less those only the operator may make when the caller is a customer; empty for a caller who may not change SIMs. */
                        allowedTransitions: ("TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED")[];
                        pendingChanges: {
                            id: string;
                            effectiveDate: string;
                            changes: {
                                [key: string]: unknown;
                            };
                            status: string;
                            reason: string | null;
                            requestedBy: string;
                            createdAt: string;
                            error: unknown | null;
                        }[];
                        warnings: {
                            code: string;
                            /** @description In English, as it always was. */
                            message: string;
                            params: {
                                [key: string]: unknown;
                            };
                            /** @description The warning in the caller's language (docs/languages.md). */
                            text: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSimAudit: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The SIM's ICCID. */
                iccid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            field: string;
                            priorValue: string | null;
                            value: string | null;
                            /** @description A change of several fields in one record (an onboarding's assignment): each field's prior and new value; `field` names them, comma-separated, and priorValue/value are null. */
                            changes: {
                                [key: string]: {
                                    from: string | null;
                                    to: string | null;
                                };
                            } | null;
                            reason: string | null;
                            effectiveDate: string;
                            changedAt: string;
                            actor: {
                                userId: string | null;
                                name: string;
                            };
                            jobId: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSimScheduledChanges: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The SIM's ICCID. */
                iccid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            effectiveDate: string;
                            changes: {
                                [key: string]: unknown;
                            };
                            status: string;
                            reason: string | null;
                            requestedBy: string;
                            createdAt: string;
                            error: unknown | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelSimScheduledChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The SIM's ICCID. */
                iccid: string;
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    countSims: {
        parameters: {
            query?: {
                /** @description SIMs in this account's subtree (default: all visible). */
                accountId?: string;
                state?: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
                /** @description Id or name. */
                communicationPlan?: string;
                /** @description Id or name. */
                ratePlan?: string;
                /** @description The SIM as a caller names it: ICCID, IMSI, MSISDN (with or without +) or IMEI — the one recorded on the SIM or the device the network last saw it in. */
                identifier?: string;
                iccid?: string;
                imsi?: string;
                msisdn?: string;
                customField?: "accountCustom1" | "accountCustom2" | "accountCustom3" | "accountCustom4" | "accountCustom5" | "accountCustom6" | "accountCustom7" | "accountCustom8" | "accountCustom9" | "accountCustom10" | "customerCustom1" | "customerCustom2" | "customerCustom3" | "customerCustom4" | "customerCustom5" | "operatorCustom1" | "operatorCustom2" | "operatorCustom3" | "operatorCustom4" | "operatorCustom5";
                customValue?: string;
                modifiedSince?: string;
                /** @description Only SIMs with this connectivity now: BLOCKED (not in a connecting state, or over its data limit), ONLINE (a data session open), ATTACHED (registered, no session), OFFLINE. */
                connectivity?: "BLOCKED" | "ONLINE" | "ATTACHED" | "OFFLINE";
                /** @description true: only SIMs the silence detector marks silent now (a SIM in a connecting state whose last session or traffic is older than its usual rhythm allows; docs/automation.md); false: only the others. */
                silent?: "0" | "1" | "true" | "false";
                /** @description What the SIMs are counted by: lifecycle state, connectivity, rate or communication plan. */
                by?: "state" | "connectivity" | "ratePlan" | "communicationPlan";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        by: "state" | "connectivity" | "ratePlan" | "communicationPlan";
                        total: number;
                        groups: {
                            /** @description The state, connectivity or plan id; null: SIMs without a plan. */
                            key: string | null;
                            /** @description The plan's name when counted by plan. */
                            name: string | null;
                            count: number;
                        }[];
                        asOf: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    search: {
        parameters: {
            query: {
                /** @description What was typed: the first digits of an ICCID, IMSI, MSISDN (with or without +, spaces or dashes) or IMEI (at least 3 digits), or part of a customer's name (at least 2 characters). */
                q: string;
                /** @description At most this many SIMs and this many customers. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        q: string;
                        sims: {
                            iccid: string;
                            imsi: string;
                            msisdn: string | null;
                            /** @description The IMEI recorded on the SIM, or the one the network saw it in when that matched. */
                            imei: string | null;
                            /** @enum {string} */
                            state: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
                            accountId: string;
                            accountName: string;
                            /**
                             * @description The identifier that starts with q.
                             * @enum {string}
                             */
                            matchedBy: "iccid" | "imsi" | "msisdn" | "imei" | "networkImei";
                        }[];
                        /** @description More SIMs match than the limit: type more digits. */
                        moreSims: boolean;
                        accounts: {
                            id: string;
                            name: string;
                            parentName: string | null;
                        }[];
                        moreAccounts: boolean;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOutbox: {
        parameters: {
            query?: {
                /** @description Only messages in this status. */
                status?: "queued" | "sent" | "failed";
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first. */
                        items: {
                            id: string;
                            accountId: string;
                            /** @description The RFC 5322 Message-ID the message is (or will be) sent with. */
                            messageId: string;
                            from: string;
                            to: string[];
                            cc: string[];
                            subject: string;
                            /** @description Which part of Otter sent it, e.g. case_reply or relay_test. */
                            purpose: string;
                            /**
                             * @description queued until it is sent, or failed after the last attempt.
                             * @enum {string}
                             */
                            status: "queued" | "sent" | "failed";
                            /** @description true: no relay is configured (OTTER_SMTP_RELAY), so Otter keeps the message and does not send it; once a relay is set, retry sends it. */
                            waitingForRelay: boolean;
                            attempts: number;
                            nextAttemptAt: string | null;
                            lastError: string | null;
                            createdAt: string;
                            sentAt: string | null;
                            /** @description Files sent with the message, in order. */
                            attachments: {
                                /** @description Its number, from 1: GET /api/v1/outbox/{id}/attachments/{n}. */
                                n: number;
                                filename: string;
                                contentType: string;
                                /** @description Bytes. */
                                size: number;
                            }[];
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendTestMail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Where to send the test message.
                     */
                    to: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        messageId: string;
                        /** @enum {string} */
                        status: "queued" | "sent" | "failed";
                        /** @description true: no relay is configured (OTTER_SMTP_RELAY), so Otter keeps the message and does not send it; once a relay is set, retry sends it. */
                        waitingForRelay: boolean;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOutboxMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        /** @description The RFC 5322 Message-ID the message is (or will be) sent with. */
                        messageId: string;
                        from: string;
                        to: string[];
                        cc: string[];
                        subject: string;
                        /** @description Which part of Otter sent it, e.g. case_reply or relay_test. */
                        purpose: string;
                        /**
                         * @description queued until it is sent, or failed after the last attempt.
                         * @enum {string}
                         */
                        status: "queued" | "sent" | "failed";
                        /** @description true: no relay is configured (OTTER_SMTP_RELAY), so Otter keeps the message and does not send it; once a relay is set, retry sends it. */
                        waitingForRelay: boolean;
                        attempts: number;
                        nextAttemptAt: string | null;
                        lastError: string | null;
                        createdAt: string;
                        sentAt: string | null;
                        /** @description Files sent with the message, in order. */
                        attachments: {
                            /** @description Its number, from 1: GET /api/v1/outbox/{id}/attachments/{n}. */
                            n: number;
                            filename: string;
                            contentType: string;
                            /** @description Bytes. */
                            size: number;
                        }[];
                        text: string;
                        html: string | null;
                        headers: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOutboxAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description The attachment's number, from 1. */
                n: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["Error"];
                };
            };
        };
    };
    retryOutboxMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        accountId: string;
                        /** @description The RFC 5322 Message-ID the message is (or will be) sent with. */
                        messageId: string;
                        from: string;
                        to: string[];
                        cc: string[];
                        subject: string;
                        /** @description Which part of Otter sent it, e.g. case_reply or relay_test. */
                        purpose: string;
                        /**
                         * @description queued until it is sent, or failed after the last attempt.
                         * @enum {string}
                         */
                        status: "queued" | "sent" | "failed";
                        /** @description true: no relay is configured (OTTER_SMTP_RELAY), so Otter keeps the message and does not send it; once a relay is set, retry sends it. */
                        waitingForRelay: boolean;
                        attempts: number;
                        nextAttemptAt: string | null;
                        lastError: string | null;
                        createdAt: string;
                        sentAt: string | null;
                        /** @description Files sent with the message, in order. */
                        attachments: {
                            /** @description Its number, from 1: GET /api/v1/outbox/{id}/attachments/{n}. */
                            n: number;
                            filename: string;
                            contentType: string;
                            /** @description Bytes. */
                            size: number;
                        }[];
                        text: string;
                        html: string | null;
                        headers: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: {
                status?: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Job"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listJobErrors: {
        parameters: {
            query?: {
                cursor?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            line: number;
                            iccid: string | null;
                            field: string | null;
                            code: string;
                            message: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    downloadJobResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAuditLog: {
        parameters: {
            query?: {
                /** @description Entries of this account's subtree. */
                accountId?: string;
                entityType?: string;
                entityId?: string;
                action?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            accountId: string;
                            action: string;
                            entityType: string;
                            entityId: string;
                            actor: {
                                userId: string | null;
                                name: string;
                            };
                            data: unknown;
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNetworkClients: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            address: string;
                            coaPort: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createNetworkClient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description Source IP address or CIDR of the gateway's accounting packets. */
                    address: string;
                    /** @description RADIUS shared secret. */
                    secret: string;
                    /** @description UDP port where the gateway takes Disconnect/CoA requests (default 3799). */
                    coaPort?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        address: string;
                        coaPort: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteNetworkClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateNetworkClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Source IP address or CIDR of the gateway's accounting packets. */
                    address?: string;
                    /** @description RADIUS shared secret. */
                    secret?: string;
                    /** @description UDP port where the gateway takes Disconnect/CoA requests (default 3799). */
                    coaPort?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        address: string;
                        coaPort: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postRegistrationEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The event's id at the HLR/HSS; the same id is stored once. */
                    id: string;
                    /** @enum {string} */
                    type: "location_update" | "purge" | "cancel_location" | "auth_failure";
                    /** @enum {string} */
                    result?: "accepted" | "rejected";
                    /** @description S6a Experimental-Result-Code or MAP error code. */
                    cause?: number;
                    /** @enum {string} */
                    causeType?: "s6a" | "map";
                    imsi: string;
                    visitedPlmn?: string;
                    /** @enum {string} */
                    rat?: "2G" | "3G" | "LTE" | "LTE-M" | "NB-IoT" | "5G";
                    imei?: string;
                    /** Format: date-time */
                    at: string;
                } | {
                    events: {
                        /** @description The event's id at the HLR/HSS; the same id is stored once. */
                        id: string;
                        /** @enum {string} */
                        type: "location_update" | "purge" | "cancel_location" | "auth_failure";
                        /** @enum {string} */
                        result?: "accepted" | "rejected";
                        /** @description S6a Experimental-Result-Code or MAP error code. */
                        cause?: number;
                        /** @enum {string} */
                        causeType?: "s6a" | "map";
                        imsi: string;
                        visitedPlmn?: string;
                        /** @enum {string} */
                        rat?: "2G" | "3G" | "LTE" | "LTE-M" | "NB-IoT" | "5G";
                        imei?: string;
                        /** Format: date-time */
                        at: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        stored: number;
                        duplicates: number;
                        results: {
                            id: string;
                            /** @enum {string} */
                            status: "stored" | "duplicate";
                            iccid: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUnknownImsis: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            imsi: string;
                            firstSeen: string;
                            lastSeen: string;
                            occurrences: number;
                            lastSource: string;
                            lastPlmn: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSimConnectivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iccid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        iccid: string;
                        /** @enum {string} */
                        state: "BLOCKED" | "ONLINE" | "ATTACHED" | "OFFLINE";
                        reason: string;
                        reasonMessage: components["schemas"]["LocalizedMessage"];
                        lastSeen: string | null;
                        imei: string | null;
                        imeisv: string | null;
                        previousImei: string | null;
                        imeiChangedAt: string | null;
                        rat: string | null;
                        location: {
                            mcc: string;
                            mnc: string;
                            country: string | null;
                            network: string | null;
                            tac?: number;
                            lac?: number;
                            cellId?: number;
                            eci?: number;
                            lat?: number;
                            lon?: number;
                        } | null;
                        lastRegistration: {
                            type: string;
                            result: string | null;
                            cause: number | null;
                            causeType: string | null;
                            at: string;
                            visitedPlmn: string | null;
                        } | null;
                        openSession: components["schemas"]["DataSession"] | null;
                        usage: {
                            cycleStart: string;
                            cycleBytes: number;
                            dataLimitBytes: number | null;
                        };
                        asOf: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSimSessions: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                iccid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DataSession"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSimUsage: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path: {
                iccid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        iccid: string;
                        from: string;
                        to: string;
                        items: {
                            day: string;
                            zone: {
                                id: string;
                                name: string;
                            } | null;
                            bytesUp: number;
                            bytesDown: number;
                            /** @description Bytes billed: each data session rounded up by its rate plan (per KB or MB). */
                            billedBytes: number;
                            smsMo: number;
                            smsMt: number;
                        }[];
                        total: {
                            bytesUp: number;
                            bytesDown: number;
                            billedBytes: number;
                            smsMo: number;
                            smsMt: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSimNetworkActions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iccid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            kind: string;
                            status: string;
                            reason: string;
                            requestedBy: string;
                            attempts: number;
                            sessionId: string | null;
                            result: unknown;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSimTimeline: {
        parameters: {
            query?: {
                before?: string;
                limit?: number;
            };
            header?: never;
            path: {
                iccid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            at: string;
                            /** @enum {string} */
                            kind: "session" | "registration";
                            session: components["schemas"]["DataSession"] | null;
                            event: {
                                id: string;
                                type: string;
                                result: string | null;
                                cause: number | null;
                                causeType: string | null;
                                visitedPlmn: string | null;
                                rat: string | null;
                                imei: string | null;
                            } | null;
                        }[];
                        nextBefore: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSimLocations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iccid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            mcc: string;
                            mnc: string;
                            /** @description ISO 3166 alpha-2 code of the MCC's country. */
                            country: string | null;
                            countryName: string | null;
                            network: string | null;
                            /** @description TAC or LAC, when the network reported it. */
                            area: number | null;
                            /** @description ECI or cell id, when the network reported it. */
                            cell: number | null;
                            /** @description From the configured cell-location file (OTTER_CELL_LOCATIONS_CSV), if it knows the cell. */
                            lat: number | null;
                            lon: number | null;
                            firstSeen: string;
                            lastSeen: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importRegistrationEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        stored: number;
                        duplicates: number;
                        results: {
                            id: string;
                            /** @enum {string} */
                            status: "stored" | "duplicate";
                            iccid: string | null;
                        }[];
                        lines: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    diagnoseSim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iccid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Diagnosis"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSimActions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iccid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SimAction"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requestSimAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iccid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "reset-connectivity";
                    reason: string;
                    /** @description How long Otter watches for the device to come back (default: twice the device's usual reporting gap, at least 30 minutes). */
                    watchMinutes?: number;
                } | {
                    /** @enum {string} */
                    type: "activate";
                    reason: string;
                    /** @description How long Otter watches for the device to come back (default: twice the device's usual reporting gap, at least 30 minutes). */
                    watchMinutes?: number;
                } | {
                    /** @enum {string} */
                    type: "change-plan";
                    reason: string;
                    communicationPlan?: string;
                    ratePlan?: string;
                    /** @description How long Otter watches for the device to come back (default: twice the device's usual reporting gap, at least 30 minutes). */
                    watchMinutes?: number;
                } | {
                    /** @enum {string} */
                    type: "override-limit";
                    reason: string;
                    /** @enum {string} */
                    override: "TEMPORARY_OVERRIDE" | "PERMANENT_OVERRIDE" | "DEFAULT";
                    /** @description How long Otter watches for the device to come back (default: twice the device's usual reporting gap, at least 30 minutes). */
                    watchMinutes?: number;
                } | {
                    /** @enum {string} */
                    type: "send-sms";
                    reason: string;
                    /** @description GSM-7 when the default alphabet carries it, UCS-2 otherwise; concatenated up to 4 segments (docs/sms.md). */
                    text?: string;
                    /** @description A binary configuration SMS (data_coding 0x04), at most 536 octets. */
                    payloadHex?: string;
                    /**
                     * @description A wake-up SMS is followed until the device is back online; a configuration SMS until it is delivered.
                     * @default wake-up
                     * @enum {string}
                     */
                    purpose?: "wake-up" | "configuration";
                    /** @description How long Otter watches for the device to come back (default: twice the device's usual reporting gap, at least 30 minutes). */
                    watchMinutes?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimAction"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSimAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimAction"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listHssEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            url: string;
                            imsiPrefixes: string[];
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createHssEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    url: string;
                    secret: string;
                    imsiPrefixes?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        url: string;
                        imsiPrefixes: string[];
                        createdAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteHssEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importSims: {
        parameters: {
            query?: {
                /** @description Default account for rows without an account column. */
                accountId?: string;
                /** @description Apply the valid rows even if some are invalid. */
                skipInvalid?: "0" | "1" | "true" | "false";
                /** @description Validate only; write nothing. */
                dryRun?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        jobId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    bulkChangeSims: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The SIMs to change; or give a filter. */
                    iccids?: string[];
                    /** @description All SIMs visible to the caller that match, as they are when the job starts. */
                    filter?: {
                        /** Format: uuid */
                        accountId?: string;
                        /** @enum {string} */
                        state?: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
                        communicationPlan?: string;
                        ratePlan?: string;
                    };
                    change: {
                        /** @enum {string} */
                        state?: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
                        /** @description Id or name. */
                        communicationPlan?: string;
                        /** @description Id or name. */
                        ratePlan?: string;
                        /**
                         * Format: uuid
                         * @description Transfer the SIM to this account.
                         */
                        accountId?: string;
                        customFields?: {
                            [key: string]: string | null;
                        };
                        /** @enum {string} */
                        overageLimitOverride?: "DEFAULT" | "TEMPORARY_OVERRIDE" | "PERMANENT_OVERRIDE";
                    };
                    reason?: string;
                    /** @default false */
                    dryRun?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        jobId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description Only this account's subscriptions (it must lie in your subtree). */
                accountId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Webhook"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uri
                     * @description Where Otter POSTs the events (http or https).
                     */
                    url: string;
                    /** @description Event types to receive; "*" for all of them. */
                    events: ("sim.created" | "sim.updated" | "sim.state_changed" | "sim.plan_changed" | "sim.transferred" | "sim.imei_changed" | "sim.registration_rejected" | "sim.session_started" | "sim.session_ended" | "sim.data_limit_reached" | "sims.imported" | "account.created" | "account.moved" | "sim.zone_entered" | "sim.usage_threshold" | "pool.usage_threshold" | "sim.silent" | "sim.back_online" | "action.completed" | "automation.rule_fired" | "case.created" | "case.replied" | "case.state_changed" | "case.sla_at_risk" | "case.sla_breached" | "onboarding.created" | "onboarding.state_changed" | "onboarding.sims_assigned" | "onboarding.task_done" | "*")[];
                    /** @description Signs every request (Otter-Signature); at least 16 characters. Stored encrypted and never shown again. */
                    secret: string;
                    /**
                     * @description The body Otter sends: `otter` (JSON, Otter-Signature; the default) or `controlcenter` (Cisco IoT Control Center's push format: form-encoded eventId, eventType, timestamp, signature2, data), for existing Control Center push receivers. A `controlcenter` subscription takes only the event types Control Center has: sim.state_changed, sim.session_started, sim.session_ended, sim.usage_threshold, sim.imei_changed (or "*" for those).
                     * @enum {string}
                     */
                    format?: "otter" | "controlcenter";
                    /**
                     * @description For format `controlcenter`: whether `data` is XML (`xml`, Control Center's classic push; the default) or a JSON object (`json`).
                     * @enum {string}
                     */
                    ccDataFormat?: "xml" | "json";
                    description?: string;
                    /**
                     * Format: uuid
                     * @description The account whose events (and its sub-accounts') are sent; the caller's own by default.
                     */
                    accountId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uri
                     * @description Where Otter POSTs the events (http or https).
                     */
                    url?: string;
                    /** @description Event types to receive; "*" for all of them. */
                    events?: ("sim.created" | "sim.updated" | "sim.state_changed" | "sim.plan_changed" | "sim.transferred" | "sim.imei_changed" | "sim.registration_rejected" | "sim.session_started" | "sim.session_ended" | "sim.data_limit_reached" | "sims.imported" | "account.created" | "account.moved" | "sim.zone_entered" | "sim.usage_threshold" | "pool.usage_threshold" | "sim.silent" | "sim.back_online" | "action.completed" | "automation.rule_fired" | "case.created" | "case.replied" | "case.state_changed" | "case.sla_at_risk" | "case.sla_breached" | "onboarding.created" | "onboarding.state_changed" | "onboarding.sims_assigned" | "onboarding.task_done" | "*")[];
                    /** @description A new secret; requests are signed with it from the next attempt on. */
                    secret?: string;
                    /**
                     * @description The body Otter sends: `otter` (JSON, Otter-Signature; the default) or `controlcenter` (Cisco IoT Control Center's push format: form-encoded eventId, eventType, timestamp, signature2, data), for existing Control Center push receivers. A `controlcenter` subscription takes only the event types Control Center has: sim.state_changed, sim.session_started, sim.session_ended, sim.usage_threshold, sim.imei_changed (or "*" for those).
                     * @enum {string}
                     */
                    format?: "otter" | "controlcenter";
                    /**
                     * @description For format `controlcenter`: whether `data` is XML (`xml`, Control Center's classic push; the default) or a JSON object (`json`).
                     * @enum {string}
                     */
                    ccDataFormat?: "xml" | "json";
                    description?: string | null;
                    /**
                     * @description `active` resumes a paused subscription (its waiting deliveries go out at once); `paused` holds deliveries.
                     * @enum {string}
                     */
                    status?: "active" | "paused";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                status?: "queued" | "sending" | "delivered" | "failed";
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first. */
                        items: components["schemas"]["WebhookDelivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayWebhookRange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description Deliveries of events created at or after this moment…
                     */
                    from: string;
                    /**
                     * Format: date-time
                     * @description …and before this one.
                     */
                    to: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requeued: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAutomationRules: {
        parameters: {
            query?: {
                /** @description Only this account's rules (it must lie in your subtree). */
                accountId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AutomationRule"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createAutomationRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    /**
                     * Format: uuid
                     * @description The account whose SIMs (and its sub-accounts') the rule watches; the caller's own by default.
                     */
                    accountId?: string;
                    /** @default true */
                    enabled?: boolean;
                    trigger: {
                        /** @enum {string} */
                        type: "sim_state_changed";
                        /** @description Only changes from one of these states. */
                        from?: ("TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED")[];
                        /** @description Only changes to one of these states. */
                        to?: ("TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED")[];
                    } | {
                        /** @enum {string} */
                        type: "imei_changed";
                    } | {
                        /** @enum {string} */
                        type: "no_session";
                        /** @description Fire after this many hours without a session or traffic. */
                        hours?: number;
                        /** @description Fire after this many of the device's usual gaps (24 h assumed without a rhythm), at least 1 h. */
                        rhythmMultiple?: number;
                    } | {
                        /** @enum {string} */
                        type: "registration_rejected";
                        /** @description Only rejections with one of these causes (S6a or MAP). */
                        causes?: number[];
                    } | {
                        /** @enum {string} */
                        type: "zone_entered";
                        /**
                         * @description Only zones the SIM's communication plan does not allow (default); false: every zone change.
                         * @default true
                         */
                        notInPlan?: boolean;
                        /** @description Only these countries. */
                        countries?: string[];
                    } | {
                        /** @enum {string} */
                        type: "usage_above";
                        /** @description Percent (1–1000) of the rate plan's included data (of its data limit when nothing is included) used in the customer's current billing cycle. */
                        percent: number;
                    } | {
                        /** @enum {string} */
                        type: "pool_usage_above";
                        /** @description Percent (1–1000) of the customer's pool of a rate plan used in its current billing cycle. */
                        percent: number;
                        /**
                         * @description true: compare the usage so far projected linearly to the cycle's end (100: an overage is expected).
                         * @default false
                         */
                        projected?: boolean;
                    };
                    /**
                     * @description All must hold (AND).
                     * @default []
                     */
                    conditions?: ({
                        /** @enum {string} */
                        type: "account";
                        /**
                         * Format: uuid
                         * @description The SIM belongs to this account or one below it.
                         */
                        accountId: string;
                    } | {
                        /** @enum {string} */
                        type: "sim_state";
                        states: ("TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED")[];
                    } | {
                        /** @enum {string} */
                        type: "communication_plan";
                        /** @description A plan's id or name. */
                        plan: string;
                    } | {
                        /** @enum {string} */
                        type: "rate_plan";
                        /** @description A plan's id or name. */
                        plan: string;
                    } | {
                        /** @enum {string} */
                        type: "custom_field";
                        /** @enum {string} */
                        field: "accountCustom1" | "accountCustom2" | "accountCustom3" | "accountCustom4" | "accountCustom5" | "accountCustom6" | "accountCustom7" | "accountCustom8" | "accountCustom9" | "accountCustom10" | "customerCustom1" | "customerCustom2" | "customerCustom3" | "customerCustom4" | "customerCustom5" | "operatorCustom1" | "operatorCustom2" | "operatorCustom3" | "operatorCustom4" | "operatorCustom5";
                        /** @description null: the field is not set. */
                        value: string | null;
                    })[];
                    /** @description Run in order; one failing does not stop the others. */
                    actions: ({
                        /** @enum {string} */
                        type: "webhook";
                    } | {
                        /** @enum {string} */
                        type: "email";
                        /** @description A line added to the message. */
                        note?: string;
                    } | {
                        /** @enum {string} */
                        type: "change_state";
                        /** @enum {string} */
                        state: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
                    } | {
                        /** @enum {string} */
                        type: "change_plan";
                        /** @description A plan's id or name. */
                        communicationPlan?: string;
                        /** @description A plan's id or name. */
                        ratePlan?: string;
                    } | {
                        /** @enum {string} */
                        type: "open_case";
                        subject?: string;
                        /**
                         * @description The case's category on the desk (default technical).
                         * @enum {string}
                         */
                        category?: "sim_order" | "platform_howto" | "billing" | "technical" | "plans" | "products" | "other";
                        /** @enum {string} */
                        priority?: "low" | "normal" | "high" | "urgent";
                    })[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutomationRule"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAutomationRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutomationRule"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteAutomationRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateAutomationRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string | null;
                    enabled?: boolean;
                    trigger?: {
                        /** @enum {string} */
                        type: "sim_state_changed";
                        /** @description Only changes from one of these states. */
                        from?: ("TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED")[];
                        /** @description Only changes to one of these states. */
                        to?: ("TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED")[];
                    } | {
                        /** @enum {string} */
                        type: "imei_changed";
                    } | {
                        /** @enum {string} */
                        type: "no_session";
                        /** @description Fire after this many hours without a session or traffic. */
                        hours?: number;
                        /** @description Fire after this many of the device's usual gaps (24 h assumed without a rhythm), at least 1 h. */
                        rhythmMultiple?: number;
                    } | {
                        /** @enum {string} */
                        type: "registration_rejected";
                        /** @description Only rejections with one of these causes (S6a or MAP). */
                        causes?: number[];
                    } | {
                        /** @enum {string} */
                        type: "zone_entered";
                        /**
                         * @description Only zones the SIM's communication plan does not allow (default); false: every zone change.
                         * @default true
                         */
                        notInPlan?: boolean;
                        /** @description Only these countries. */
                        countries?: string[];
                    } | {
                        /** @enum {string} */
                        type: "usage_above";
                        /** @description Percent (1–1000) of the rate plan's included data (of its data limit when nothing is included) used in the customer's current billing cycle. */
                        percent: number;
                    } | {
                        /** @enum {string} */
                        type: "pool_usage_above";
                        /** @description Percent (1–1000) of the customer's pool of a rate plan used in its current billing cycle. */
                        percent: number;
                        /**
                         * @description true: compare the usage so far projected linearly to the cycle's end (100: an overage is expected).
                         * @default false
                         */
                        projected?: boolean;
                    };
                    /** @description All must hold (AND). */
                    conditions?: ({
                        /** @enum {string} */
                        type: "account";
                        /**
                         * Format: uuid
                         * @description The SIM belongs to this account or one below it.
                         */
                        accountId: string;
                    } | {
                        /** @enum {string} */
                        type: "sim_state";
                        states: ("TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED")[];
                    } | {
                        /** @enum {string} */
                        type: "communication_plan";
                        /** @description A plan's id or name. */
                        plan: string;
                    } | {
                        /** @enum {string} */
                        type: "rate_plan";
                        /** @description A plan's id or name. */
                        plan: string;
                    } | {
                        /** @enum {string} */
                        type: "custom_field";
                        /** @enum {string} */
                        field: "accountCustom1" | "accountCustom2" | "accountCustom3" | "accountCustom4" | "accountCustom5" | "accountCustom6" | "accountCustom7" | "accountCustom8" | "accountCustom9" | "accountCustom10" | "customerCustom1" | "customerCustom2" | "customerCustom3" | "customerCustom4" | "customerCustom5" | "operatorCustom1" | "operatorCustom2" | "operatorCustom3" | "operatorCustom4" | "operatorCustom5";
                        /** @description null: the field is not set. */
                        value: string | null;
                    })[];
                    /** @description Run in order; one failing does not stop the others. */
                    actions?: ({
                        /** @enum {string} */
                        type: "webhook";
                    } | {
                        /** @enum {string} */
                        type: "email";
                        /** @description A line added to the message. */
                        note?: string;
                    } | {
                        /** @enum {string} */
                        type: "change_state";
                        /** @enum {string} */
                        state: "TEST_READY" | "INVENTORY" | "ACTIVATION_READY" | "ACTIVATED" | "DEACTIVATED" | "RETIRED" | "PURGED" | "REPLACED";
                    } | {
                        /** @enum {string} */
                        type: "change_plan";
                        /** @description A plan's id or name. */
                        communicationPlan?: string;
                        /** @description A plan's id or name. */
                        ratePlan?: string;
                    } | {
                        /** @enum {string} */
                        type: "open_case";
                        subject?: string;
                        /**
                         * @description The case's category on the desk (default technical).
                         * @enum {string}
                         */
                        category?: "sim_order" | "platform_howto" | "billing" | "technical" | "plans" | "products" | "other";
                        /** @enum {string} */
                        priority?: "low" | "normal" | "high" | "urgent";
                    })[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutomationRule"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAutomationRuleFirings: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AutomationFiring"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSmsCentres: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SmsCentre"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSmsCentre: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    host: string;
                    port: number;
                    systemId: string;
                    password: string;
                    systemType?: string;
                    sourceAddress: string;
                    imsiPrefixes?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsCentre"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSmsCentre: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDeskMailboxes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DeskMailbox"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDeskMailbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description The support address (mail to any other address is refused at RCPT TO).
                     */
                    address: string;
                    /** @description A customer this address belongs to; absent for an operator-wide address. */
                    accountId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskMailbox"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteDeskMailbox: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    lookupCaller: {
        parameters: {
            query: {
                number: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallerLookup"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCases: {
        parameters: {
            query?: {
                /** @description One state or several (repeat the parameter). */
                state?: ("new" | "open" | "waiting_on_customer" | "waiting_on_consultation" | "resolved" | "closed") | ("new" | "open" | "waiting_on_customer" | "waiting_on_consultation" | "resolved" | "closed")[];
                /** @description Owner user id, `me` for the caller's cases, or `none` for unowned cases. */
                owner?: string;
                /** @description Cases of this customer account. */
                account?: string;
                /** @description Only cases without an account yet (the triage queue). */
                triage?: boolean;
                category?: "sim_order" | "platform_howto" | "billing" | "technical" | "plans" | "products" | "other";
                priority?: "low" | "normal" | "high" | "urgent";
                /** @description A case number (`1234` or `#1234`), or text in the subject or requester address. */
                q?: string;
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Case"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The customer; a customer key opens cases for its own account by default. Agents may leave it out (triage). */
                    accountId?: string | null;
                    subject: string;
                    description?: string;
                    /** @enum {string} */
                    category?: "sim_order" | "platform_howto" | "billing" | "technical" | "plans" | "products" | "other";
                    /** @enum {string} */
                    priority?: "low" | "normal" | "high" | "urgent";
                    /** @description The agent who owns it (`me`: the caller); an agent opening a case owns it by default, null leaves it unassigned. */
                    ownerUserId?: (string | "me") | null;
                    contactIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    state?: "new" | "open" | "waiting_on_customer" | "waiting_on_consultation" | "resolved" | "closed";
                    /** @enum {string} */
                    priority?: "low" | "normal" | "high" | "urgent";
                    /** @enum {string} */
                    category?: "sim_order" | "platform_howto" | "billing" | "technical" | "plans" | "products" | "other";
                    subject?: string;
                    /** @description Reassign the case (`me`: to the caller; null: unassigned). */
                    ownerUserId?: (string | "me") | null;
                    /**
                     * Format: uuid
                     * @description Assign a triage case to its customer (or move it to another).
                     */
                    accountId?: string;
                    /** @description Why; written into the timeline and the audit log. */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addCaseNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string;
                        entryId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replyToCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /** @description Recipients; the case's requester by default. */
                    to?: string[];
                    cc?: string[];
                    /** @description A subject other than the case's; the case tag is added. */
                    subject?: string;
                    /**
                     * @description The state after the reply (e.g. `waiting_on_customer`); a `new` case becomes `open` by default.
                     * @enum {string}
                     */
                    state?: "new" | "open" | "waiting_on_customer" | "waiting_on_consultation" | "resolved" | "closed";
                    /** @description The clarity findings of the draft the agent accepted or dismissed (docs/clarity.md). The server checks the reply again as sent and stores its findings with these decisions; findings never block sending. */
                    clarity?: {
                        decisions: {
                            /** @enum {string} */
                            rule: "language_mismatch" | "readability" | "long_sentence" | "passive_voice" | "jargon" | "relative_date" | "undated_promise" | "invalid_identifier" | "foreign_identifier" | "customer_term" | "unanswered_question" | "unfilled_placeholder";
                            /** @enum {string} */
                            decision: "accepted" | "dismissed";
                            /** @description The text of the finding's span in the draft (`body.slice(start, end)`). */
                            text: string;
                            /** @description The accepted replacement. */
                            suggestion?: string;
                            message?: string;
                            /** @enum {string} */
                            severity?: "info" | "warning";
                        }[];
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string;
                        entryId: string;
                        messageId: string;
                        deskMessageId: string;
                        /** @enum {string} */
                        sendStatus: "queued";
                        /** @description True while no SMTP relay is configured: the reply is kept and goes out once one is. */
                        waitingForRelay: boolean;
                        /** @enum {string} */
                        state: "new" | "open" | "waiting_on_customer" | "waiting_on_consultation" | "resolved" | "closed";
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    retryCaseReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                subId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deskMessageId: string;
                        /** @enum {string} */
                        sendStatus: "queued";
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    logCaseCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    direction: "inbound" | "outbound";
                    number: string;
                    /** Format: uuid */
                    contactId?: string;
                    durationSeconds: number;
                    summary: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string;
                        entryId: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    openConsultation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An internal team queue, e.g. `network` or `billing`. */
                    team?: string;
                    /**
                     * Format: email
                     * @description An outside party, written to by e-mail on the consultation's own thread.
                     */
                    address?: string;
                    subject: string;
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Consultation"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replyInConsultation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                subId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /** @description True: this is the answer (team consultations: the default). False: a message to the outside party. */
                    answer?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string;
                        consultationId: string;
                        entryId: string;
                        /** @enum {string} */
                        state: "new" | "open" | "waiting_on_customer" | "waiting_on_consultation" | "resolved" | "closed";
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    closeConsultation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                subId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Consultation"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linkCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    iccid?: string;
                    /** Format: uuid */
                    accountId?: string;
                    /**
                     * Format: uuid
                     * @description An invoice or credit note of the case's customer (a billing question).
                     */
                    invoiceId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unlinkCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                subId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCaseMessageRaw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                subId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "message/rfc822": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "message/rfc822": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "message/rfc822": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "message/rfc822": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "message/rfc822": components["schemas"]["Error"];
                };
            };
        };
    };
    getCaseAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                subId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["Error"];
                };
            };
        };
    };
    getDeskCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskCalendar"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setDeskCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description IANA time zone of the support team, e.g. Europe/Rome. */
                    timeZone: string;
                    /** @description Support hours per weekday (mon … sun), several intervals a day allowed; a missing day is closed. */
                    hours: {
                        mon?: [
                            string,
                            string
                        ][];
                        tue?: [
                            string,
                            string
                        ][];
                        wed?: [
                            string,
                            string
                        ][];
                        thu?: [
                            string,
                            string
                        ][];
                        fri?: [
                            string,
                            string
                        ][];
                        sat?: [
                            string,
                            string
                        ][];
                        sun?: [
                            string,
                            string
                        ][];
                    };
                    /**
                     * @description Local dates (YYYY-MM-DD) without support hours.
                     * @default []
                     */
                    holidays?: string[];
                    /**
                     * Format: date-time
                     * @description When the calendar takes over (now by default; never in the past).
                     */
                    effectiveFrom?: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskCalendar"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDefaultSupportAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportAgreement"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setDefaultSupportAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description ISO 8601 durations of support time per priority ("PT4H"); null or missing = no target. */
                    firstResponse: {
                        low?: string | null;
                        normal?: string | null;
                        high?: string | null;
                        urgent?: string | null;
                    };
                    /** @description ISO 8601 durations of support time per priority ("PT4H"); null or missing = no target. */
                    resolution: {
                        low?: string | null;
                        normal?: string | null;
                        high?: string | null;
                        urgent?: string | null;
                    };
                    /**
                     * Format: date-time
                     * @description Cases created from then on get these targets (now by default).
                     */
                    effectiveFrom?: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportAgreement"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSupportAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportAgreement"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setSupportAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description ISO 8601 durations of support time per priority ("PT4H"); null or missing = no target. */
                    firstResponse: {
                        low?: string | null;
                        normal?: string | null;
                        high?: string | null;
                        urgent?: string | null;
                    };
                    /** @description ISO 8601 durations of support time per priority ("PT4H"); null or missing = no target. */
                    resolution: {
                        low?: string | null;
                        normal?: string | null;
                        high?: string | null;
                        urgent?: string | null;
                    };
                    /**
                     * Format: date-time
                     * @description Cases created from then on get these targets (now by default).
                     */
                    effectiveFrom?: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportAgreement"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDeskQueue: {
        parameters: {
            query?: {
                /** @description "me", an agent's user id, "none" for the unassigned queue (open cases nobody owns) or "all" for every open case. */
                owner?: string;
                /** @description Only cases in this working state, or these (repeat the parameter). */
                state?: ("new" | "open" | "waiting_on_customer" | "waiting_on_consultation") | ("new" | "open" | "waiting_on_customer" | "waiting_on_consultation")[];
                limit?: number;
                /** @description Position to continue from (nextAfter of the previous page). */
                after?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            number: number;
                            subject: string;
                            state: string;
                            priority: string;
                            accountId: string | null;
                            /** @description The customer's name; null while the case is in triage. */
                            accountName: string | null;
                            ownerUserId: string | null;
                            createdAt: string;
                            updatedAt: string;
                            sla: {
                                state: string;
                                dueAt: string | null;
                                paused: boolean;
                                remainingMs: number | null;
                            };
                        }[];
                        total: number;
                        nextAfter: number | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMacros: {
        parameters: {
            query?: {
                q?: string;
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Macro"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createMacro: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description Reply text with placeholders such as {{contact.firstName}}, {{case.number}}, {{sim.iccid}}, {{agent.name}}. */
                    body: string;
                    /** @description Free tags, compared case-insensitively. */
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Macro"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMacro: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Macro"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteMacro: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateMacro: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Reply text with placeholders such as {{contact.firstName}}, {{case.number}}, {{sim.iccid}}, {{agent.name}}. */
                    body?: string;
                    /** @description Free tags, compared case-insensitively. */
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Macro"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    renderMacro: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                macroId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        macroId: string;
                        caseId: string;
                        /** @description The text to edit and send as a reply. */
                        body: string;
                        /** @description Placeholders with no value for this case; they stay in the text as {{name}}. */
                        missing: string[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listArticles: {
        parameters: {
            query?: {
                /** @description Words to find (full text, 'simple' configuration) or a fragment of a title. */
                q?: string;
                tag?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Article"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createArticle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    body: string;
                    /** @description Free tags, compared case-insensitively. */
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    body?: string;
                    /** @description Free tags, compared case-insensitively. */
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOnboardings: {
        parameters: {
            query?: {
                state?: "draft" | "validated" | "provisioning" | "waiting_on_customer" | "live" | "failed";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Onboarding"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createOnboarding: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An onboarding spec (docs/onboarding.md, docs/onboarding.schema.json). */
                    spec: string | {
                        [key: string]: unknown;
                    };
                    /**
                     * @description Only check the spec: answer every finding (and, for an onboarding already provisioned, the plan of what would change), write nothing.
                     * @default false
                     */
                    dryRun?: boolean;
                    /** @description The hash of the plan the user saw (dryRun's plan.hash). Required to apply a changed spec of a provisioned onboarding; a different current plan answers 409 ONBOARDING_PLAN_NOT_CONFIRMED. */
                    confirmPlan?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnboardingCheck"];
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        onboarding: components["schemas"]["Onboarding"];
                        /** @description null when the same spec was already provisioned. */
                        jobId: string | null;
                        /** @description false when an onboarding with this reference existed. */
                        created: boolean;
                        findings: components["schemas"]["OnboardingFinding"][];
                        plan: components["schemas"]["OnboardingPlan"];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    onboardingLeadTimes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        toFirstSimOnline: components["schemas"]["OnboardingLeadTimeStats"];
                        toLive: components["schemas"]["OnboardingLeadTimeStats"];
                        /** @description Every onboarding that is waiting on the customer or live. */
                        items: {
                            id: string;
                            reference: string;
                            contractSigned: string;
                            daysToFirstSimOnline: number | null;
                            daysToLive: number | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    completeOnboardingTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Only marking done is possible; a done task stays done.
                     * @enum {string}
                     */
                    state: "done";
                    /** @description What was done; written on the case as an internal note. */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        task: components["schemas"]["OnboardingTask"];
                        onboarding: components["schemas"]["Onboarding"];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOnboarding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnboardingDetail"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOnboardingIpsecConfig: {
        parameters: {
            query: {
                /** @description Whose gateway the swanctl.conf is for: the operator's or the customer's. */
                side: "operator" | "customer";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["Error"];
                };
            };
        };
    };
    getOnboardingTunnelSheet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": components["schemas"]["Error"];
                };
            };
        };
    };
    checkCaseReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The draft reply, as plain text. */
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClarityCheck"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSentReplyClarity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                entryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaritySentCheck"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    checkText: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The draft reply, as plain text. */
                    body: string;
                    /**
                     * @description The language to check in; detected from the text when absent.
                     * @enum {string}
                     */
                    language?: "en" | "it" | "sv";
                    /** @description The reader's IANA time zone, for turning relative dates into dates (the customer's when `accountId` is given, else UTC). */
                    timeZone?: string;
                    /**
                     * Format: uuid
                     * @description The customer the text is for: identifiers that are not its own are flagged, and its time zone applies.
                     */
                    accountId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClarityCheck"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listGlossary: {
        parameters: {
            query?: {
                /** @description Only the terms of this language. */
                language?: "en" | "it" | "sv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ClarityGlossaryTerm"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addGlossaryTerm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An ISO 639-1 code: en, it or sv. */
                language: "en" | "it" | "sv";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The word or acronym as written (compared case-insensitively). */
                    term: string;
                    /** @description The plain explanation the check offers in its place. */
                    explanation: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClarityGlossaryTerm"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateGlossaryTerm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An ISO 639-1 code: en, it or sv. */
                language: "en" | "it" | "sv";
                term: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A new spelling for the term. */
                    term?: string;
                    /** @description The plain explanation the check offers in its place. */
                    explanation: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClarityGlossaryTerm"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeGlossaryTerm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An ISO 639-1 code: en, it or sv. */
                language: "en" | "it" | "sv";
                term: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getClarityStats: {
        parameters: {
            query?: {
                /** @description How many weeks back, this week included (ISO weeks, Monday to Sunday, UTC). */
                weeks?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClarityStats"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBillingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingProfile"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putBillingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description calendar: the 1st to the end of the month; anniversary: from anchorDay to anchorDay.
                     * @enum {string}
                     */
                    cycle: "calendar" | "anniversary";
                    /** @default 1 */
                    anchorDay?: number;
                    /** @description Where the customer is established: decides the VAT. */
                    country: string;
                    /** @default null */
                    contactName?: string | null;
                    /**
                     * @description Where invoices are mailed.
                     * @default null
                     */
                    contactEmail?: string | null;
                    /** @default false */
                    perSubAccount?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingProfile"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startBillingRun: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The month whose cycle is billed: each customer's cycle starting in it. */
                    period: string;
                    /**
                     * Format: uuid
                     * @description Only this customer; all customers without it.
                     */
                    accountId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        jobId: string;
                        period: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                /** @description Only this account's invoices and its sub-accounts'. */
                accountId?: string;
                status?: "draft" | "issued";
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            kind: "invoice" | "credit_note";
                            /** @enum {string} */
                            status: "draft" | "issued";
                            number: string | null;
                            /** @description The account billed: the customer, or one of its sub-accounts when the customer is invoiced per sub-account. */
                            accountId: string;
                            /** @description The sub-account this invoice bills (its SIMs and its sub-accounts'), when the customer is invoiced per sub-account; null on the customer's own invoice. */
                            subAccount: {
                                id: string;
                                /** @description As it was when the invoice was issued. */
                                name: string;
                                /** @description The customer the sub-account belongs to. */
                                customerId: string;
                            } | null;
                            /**
                             * @description `subtree`: the SIMs of the account and of all its sub-accounts. `account`: only the SIMs held on the customer's own account — its sub-accounts have invoices of their own.
                             * @enum {string}
                             */
                            scope: "subtree" | "account";
                            cycleStart: string;
                            /** @description Inclusive: the cycle's last day. */
                            cycleEnd: string;
                            currency: string;
                            timeZone: string;
                            customer: {
                                [key: string]: unknown;
                            };
                            /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                            subtotal: string;
                            vatRate: string;
                            /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                            vatAmount: string;
                            /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                            total: string;
                            reverseCharge: boolean;
                            notes: string[];
                            /** @description The notes in the reader's language (GET /api/v1/invoices/{id}): the VAT statement as the PDF states it, and for a credit note first the invoice it credits with the reason as typed; `notes` stays as recorded, in English. */
                            notesText?: string[];
                            flags: string[];
                            creditedInvoiceId: string | null;
                            createdAt: string;
                            issuedAt: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    downloadInvoiceLines: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Error"];
                };
            };
        };
    };
    issueInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    creditInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    lines: {
                        description: string;
                        /** @description Credited, before VAT. */
                        amount: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    mailInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mailId: string;
                        to: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    explainInvoiceLine: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page's nextCursor. */
                cursor?: string;
                limit?: number;
                /** @description `text`: the explanation as plain text for a reply to the customer (text/plain), in `language`. */
                format?: "json" | "text";
                /** @description With `format=text`: the language; by default the invoice customer's own. */
                language?: "en" | "it" | "sv";
            };
            header?: never;
            path: {
                id: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceLineExplanation"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    billingCycleToDate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleToDate"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    simBillingCycleToDate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iccid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimCycleToDate"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    compareBillingCycles: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string;
                        from: {
                            invoiceId: string;
                            cycleStart: string;
                            /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                            total: string;
                        };
                        to: {
                            invoiceId: string;
                            cycleStart: string;
                            /** @description A decimal amount in the invoice's currency, e.g. "18.50". */
                            total: string;
                        };
                        sentences: {
                            /** @description The sentence in English, as it always was. */
                            text: string;
                            figures: {
                                [key: string]: string | number;
                            };
                            message: components["schemas"]["LocalizedMessage"];
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    downloadInvoicePdf: {
        parameters: {
            query?: {
                /** @description The document's language; the customer's own (en, it or sv; else en) without it. */
                language?: "en" | "it" | "sv";
            };
            header?: never;
            path: {
                /** @description The invoice's id, or its number (INV-000042, CN-000007). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Error"];
                };
            };
        };
    };
    downloadInvoiceRatedUsage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invoice's id, or its number (INV-000042, CN-000007). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Error"];
                };
            };
        };
    };
    getInvoiceTmf678: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invoice's id, or its number (INV-000042, CN-000007). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tmf678CustomerBill"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSmsRecords: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The record's id at the SMS centre; the same id is counted once. */
                    id: string;
                    /**
                     * @description MO: sent by the device (mobile originated); MT: delivered to it.
                     * @enum {string}
                     */
                    direction: "MO" | "MT";
                    imsi: string;
                    /**
                     * Format: date-time
                     * @description When the SMS was sent or delivered.
                     */
                    at: string;
                    /** @description The network the SIM was in; without it, the network the SIM was last seen in. */
                    servingPlmn?: string;
                    /** @description The SMS centre's message id (the one submit_sm_resp returned): an MT Otter already counted when it submitted the SMS is not counted again. */
                    messageId?: string;
                } | {
                    records: {
                        /** @description The record's id at the SMS centre; the same id is counted once. */
                        id: string;
                        /**
                         * @description MO: sent by the device (mobile originated); MT: delivered to it.
                         * @enum {string}
                         */
                        direction: "MO" | "MT";
                        imsi: string;
                        /**
                         * Format: date-time
                         * @description When the SMS was sent or delivered.
                         */
                        at: string;
                        /** @description The network the SIM was in; without it, the network the SIM was last seen in. */
                        servingPlmn?: string;
                        /** @description The SMS centre's message id (the one submit_sm_resp returned): an MT Otter already counted when it submitted the SMS is not counted again. */
                        messageId?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Records counted into daily usage now. */
                        counted: number;
                        /** @description MT records of SMS Otter had already counted when it submitted them. */
                        alreadyCounted: number;
                        /** @description Records stored before (same id): nothing changed. */
                        duplicates: number;
                        /** @description Records of IMSIs no SIM has: noted as unknown IMSIs. */
                        unknownSims: number;
                        results: {
                            id: string;
                            /** @enum {string} */
                            status: "counted" | "already_counted" | "duplicate" | "unknown_sim";
                            iccid: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importSmsRecords: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Records counted into daily usage now. */
                        counted: number;
                        /** @description MT records of SMS Otter had already counted when it submitted them. */
                        alreadyCounted: number;
                        /** @description Records stored before (same id): nothing changed. */
                        duplicates: number;
                        /** @description Records of IMSIs no SIM has: noted as unknown IMSIs. */
                        unknownSims: number;
                        results: {
                            id: string;
                            /** @enum {string} */
                            status: "counted" | "already_counted" | "duplicate" | "unknown_sim";
                            iccid: string | null;
                        }[];
                        lines: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
