// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoAuth.h"
#include "AmoTokens.h"
#include "common/Clock.h"
#include "crm/CrmConnector.h"
#include "net/HttpTypes.h"

#include <QDateTime>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <memory>

namespace Secrets {
class SecretStore;
}
namespace Storage {
class Database;
}

namespace Crm::AmoCrm {

/** When the credential runs out, for the Connections page and crmbridgectl. */
struct TokenHealth
{
    AmoTokenSet::Kind kind = AmoTokenSet::Kind::OAuth;
    bool signedIn = false;
    QDateTime accessExpiresAt; ///< invalid when unknown
    QDateTime refreshExpiresAt; ///< OAuth only
};

/**
 * The credential of one amoCRM connection inside one engine, shared by every lane thread that talks
 * to the account (a Net::Authenticator). Tokens live only in the SecretStore; this caches the pair.
 *
 * Refresh is single-flight: callers that hit an expired token while a refresh runs wait for it; a
 * caller whose rejected token was already replaced gets the new one. The new pair is written to the
 * SecretStore before anyone uses it. A lost refresh answer is retried with the same old refresh token
 * (amoCRM keeps it valid until the new pair is first used). On PostgreSQL the refresh also holds an
 * advisory lock keyed by the connection id, and re-reads the pair after taking it, so engines that
 * share the store refresh once between them. A dead grant ("Token has been revoked") moves the
 * connection to needs-sign-in (ConnectionRepo and stateChanged). Long-lived tokens are never refreshed.
 *
 * Owned by the engine (shared_ptr); thread-safe; signals are emitted from whichever thread did the work.
 */
class AmoOAuthSession : public QObject, public Net::Authenticator
{
    Q_OBJECT
public:
    struct Config
    {
        qint64 connectionId = 0;
        AmoIntegration integration;
        int refreshMarginSecs
            = 300; ///< refresh this long before the access token runs out (capped at 20% of its life)
        int keepAliveDays = 30; ///< refresh when the refresh token has fewer days left than this
        int warnDays = 14; ///< tokenExpiring when fewer days are left than this
        int lockRetryMs = 100; ///< PostgreSQL advisory lock: how often to try again
    };

    AmoOAuthSession(Config config, std::shared_ptr<Secrets::SecretStore> secrets,
                    std::shared_ptr<Storage::Database> db,
                    const Common::Clock *clock = Common::Clock::system());
    ~AmoOAuthSession() override;

    void bearer(Net::HttpClient *via, TokenCallback done) override;
    void rejected(const QString &token, const Common::Error &why, Net::HttpClient *via,
                  TokenCallback done) override;

    /**
     * Keep-alive and warnings, meant to run periodically (AmoCrmConnector does, hourly): refreshes
     * the pair when the refresh token is in its last keepAliveDays (nothing else is sent); when it is
     * in its last warnDays and could not be renewed — or a long-lived token is that close to its end —
     * records a warning (Store::CredentialExpiryRepo) and emits tokenExpiring. @p done runs on @p via's
     * thread.
     */
    void checkHealth(Net::HttpClient *via, std::function<void(Common::Status)> done = {});
    TokenHealth health() const;
    ConnectorState state() const;
    /** Forget the cached pair (after a new sign-in wrote one) and leave needs-sign-in. */
    void reload();
    /** Refreshes made by this session (tests count them against the server's). */
    int refreshCount() const;
    QUrl accountBase() const;
    const Config &config() const { return m_config; }

Q_SIGNALS:
    void tokensRefreshed(const QDateTime &accessExpiresAt);
    void stateChanged(Crm::ConnectorState state, const QString &reason);
    void tokenExpiring(const QDateTime &expiresAt);

private:
    struct Waiter
    {
        QPointer<Net::HttpClient> via;
        TokenCallback done;
    };
    bool needsRefreshLocked(const AmoTokenSet &tokens) const;
    void deliver(const Waiter &waiter, const Common::Result<QString> &result);
    void finishWaiters(QList<Waiter> &waiters, const Common::Result<QString> &result);
    void ensureLoaded(Net::HttpClient *via);
    void startRefresh(Net::HttpClient *via);
    void lockThenRefresh(Net::HttpClient *via);
    void refreshWithStored(Net::HttpClient *via);
    void callTokenEndpoint(Net::HttpClient *via, const AmoTokenSet &current, const QString &clientSecret);
    void endRefresh(const Common::Result<AmoTokenSet> &result);
    void markNeedsSignIn(const QString &reason);
    void noteExpiry(const AmoTokenSet &tokens);
    void warnIfExpiring(const AmoTokenSet &tokens, const QString &why);
    qint64 lockKey() const;

    const Config m_config;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;

    mutable QMutex m_mutex;
    AmoTokenSet m_tokens;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_refreshing = false;
    bool m_lockHeld = false;
    QList<Waiter> m_loadWaiters;
    QList<Waiter> m_refreshWaiters;
    ConnectorState m_state = ConnectorState::Ready;
    int m_refreshCount = 0;
    QString m_clientSecret;
};

} // namespace Crm::AmoCrm
