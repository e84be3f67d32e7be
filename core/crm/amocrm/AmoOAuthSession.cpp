// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoOAuthSession.h"

#include "net/HttpClient.h"
#include "net/Redactor.h"
#include "secrets/SecretStore.h"
#include "storage/Sql.h"
#include "store/ConnectionRepo.h"
#include "store/CredentialExpiryRepo.h"

#include <QCoreApplication>
#include <QTimer>

namespace Crm::AmoCrm {

using Common::Error;

namespace {

Error needsSignInError(const QString &reason)
{
    Error e = Error::auth(reason, QStringLiteral("needs-sign-in"));
    return e;
}

} // namespace

AmoOAuthSession::AmoOAuthSession(Config config, std::shared_ptr<Secrets::SecretStore> secrets,
                                 std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_config(std::move(config))
    , m_secrets(std::move(secrets))
    , m_db(std::move(db))
    , m_clock(clock)
{ }

AmoOAuthSession::~AmoOAuthSession() = default;

qint64 AmoOAuthSession::lockKey() const
{
    // "AMOC" in the high half keeps these keys apart from any other advisory lock user.
    return (qint64(0x414d4f43) << 32) | (m_config.connectionId & 0xffffffff);
}

QUrl AmoOAuthSession::accountBase() const
{
    QMutexLocker lock(&m_mutex);
    return m_tokens.baseUrl.isEmpty() ? m_config.integration.baseUrl : QUrl(m_tokens.baseUrl);
}

bool AmoOAuthSession::needsRefreshLocked(const AmoTokenSet &tokens) const
{
    if (tokens.kind != AmoTokenSet::Kind::OAuth || tokens.accessExpiresAtMs <= 0)
        return false;
    const qint64 life = tokens.accessExpiresAtMs - tokens.issuedAtMs;
    const qint64 margin = qMin<qint64>(qint64(m_config.refreshMarginSecs) * 1000, life / 5);
    return m_clock->nowMs() + margin >= tokens.accessExpiresAtMs;
}

void AmoOAuthSession::deliver(const Waiter &waiter, const Common::Result<QString> &result)
{
    if (!waiter.via)
        return;
    QMetaObject::invokeMethod(
        waiter.via.data(), [done = waiter.done, result] { done(result); }, Qt::QueuedConnection);
}

void AmoOAuthSession::finishWaiters(QList<Waiter> &waiters, const Common::Result<QString> &result)
{
    for (const Waiter &w : std::as_const(waiters))
        deliver(w, result);
    waiters.clear();
}

void AmoOAuthSession::bearer(Net::HttpClient *via, TokenCallback done)
{
    QMutexLocker lock(&m_mutex);
    if (m_state == ConnectorState::NeedsSignIn) {
        deliver({ via, done }, needsSignInError(tr("amoCRM needs a new sign-in")));
        return;
    }
    if (!m_loaded) {
        // Come back through bearer() once the pair is loaded.
        m_loadWaiters.append(
            { via, [this, via = QPointer<Net::HttpClient>(via), done](Common::Result<QString> r) {
                 if (!r)
                     done(r);
                 else if (via)
                     bearer(via, done);
             } });
        if (!m_loading) {
            m_loading = true;
            lock.unlock();
            ensureLoaded(via);
        }
        return;
    }
    if (needsRefreshLocked(m_tokens)) {
        m_refreshWaiters.append({ via, std::move(done) });
        if (!m_refreshing) {
            m_refreshing = true;
            lock.unlock();
            startRefresh(via);
        }
        return;
    }
    deliver({ via, done }, m_tokens.accessToken);
}

void AmoOAuthSession::rejected(const QString &token, const Common::Error &why, Net::HttpClient *via,
                               TokenCallback done)
{
    QMutexLocker lock(&m_mutex);
    if (m_state == ConnectorState::NeedsSignIn || !m_loaded) {
        lock.unlock();
        bearer(via, std::move(done));
        return;
    }
    if (m_tokens.accessToken != token && !needsRefreshLocked(m_tokens)) {
        deliver({ via, done }, m_tokens.accessToken); // someone already renewed it
        return;
    }
    if (m_tokens.kind == AmoTokenSet::Kind::LongLived) {
        lock.unlock();
        const QString reason
            = tr("amoCRM refused the long-lived token (%1): paste a new one").arg(why.message);
        markNeedsSignIn(reason);
        deliver({ via, done }, needsSignInError(reason));
        return;
    }
    m_refreshWaiters.append({ via, std::move(done) });
    if (!m_refreshing) {
        m_refreshing = true;
        lock.unlock();
        startRefresh(via);
    }
}

void AmoOAuthSession::ensureLoaded(Net::HttpClient *via)
{
    QPointer<Net::HttpClient> guard(via);
    loadTokens(*m_secrets, m_config.connectionId, [this, guard](Common::Result<AmoTokenSet> loaded) {
        QMutexLocker lock(&m_mutex);
        m_loading = false;
        QList<Waiter> waiters;
        waiters.swap(m_loadWaiters);
        if (loaded) {
            m_tokens = loaded.value();
            m_loaded = true;
            m_state = ConnectorState::Ready;
        }
        lock.unlock();
        if (loaded)
            noteExpiry(loaded.value());
        if (!loaded && loaded.error().code == QLatin1String("needs-sign-in"))
            markNeedsSignIn(loaded.error().message);
        // The waiters re-enter bearer() directly: they all live on threads that asked, and
        // deliver() posts each one back to its own thread.
        for (const Waiter &w : std::as_const(waiters)) {
            if (loaded)
                deliver(w, QString());
            else
                deliver(w, loaded.error());
        }
    });
}

void AmoOAuthSession::startRefresh(Net::HttpClient *via)
{
    lockThenRefresh(via);
}

void AmoOAuthSession::lockThenRefresh(Net::HttpClient *via)
{
    if (m_db && m_db->isPostgres()) {
        // Several engines on one PostgreSQL store: one refresh between them. The lock is taken and
        // released on this thread's connection (advisory locks belong to the session).
        auto taken
            = Storage::Sql::scalar(*m_db, QStringLiteral("SELECT pg_try_advisory_lock(?)"), { lockKey() });
        if (!taken) {
            endRefresh(taken.error());
            return;
        }
        if (!taken->toBool()) {
            QPointer<Net::HttpClient> guard(via);
            QTimer::singleShot(m_config.lockRetryMs, via, [this, guard] {
                if (guard)
                    lockThenRefresh(guard);
            });
            return;
        }
        m_lockHeld = true;
    }
    refreshWithStored(via);
}

void AmoOAuthSession::refreshWithStored(Net::HttpClient *via)
{
    QPointer<Net::HttpClient> guard(via);
    // Another engine (or an earlier refresh of ours whose answer we saw) may have stored a newer pair.
    loadTokens(*m_secrets, m_config.connectionId, [this, guard](Common::Result<AmoTokenSet> stored) {
        if (!guard) {
            endRefresh(Error::transient(tr("The refresh was abandoned")));
            return;
        }
        if (!stored) {
            if (stored.error().code == QLatin1String("needs-sign-in"))
                markNeedsSignIn(stored.error().message);
            endRefresh(stored.error());
            return;
        }
        {
            QMutexLocker lock(&m_mutex);
            if (stored->accessToken != m_tokens.accessToken && !needsRefreshLocked(stored.value())) {
                lock.unlock();
                qCInfo(lcAmoCrm) << "connection" << m_config.connectionId
                                 << "picked up tokens refreshed elsewhere";
                endRefresh(stored.value());
                return;
            }
        }
        QMutexLocker lock(&m_mutex);
        const QString secret = m_clientSecret;
        lock.unlock();
        if (!secret.isEmpty()) {
            callTokenEndpoint(guard, stored.value(), secret);
            return;
        }
        m_secrets->read(
            Secrets::SecretStore::connectionScope(m_config.connectionId), AmoSecretNames::clientSecret(),
            [this, guard, current = stored.value()](Common::Result<QByteArray> bytes) {
                if (!bytes || !guard) {
                    endRefresh(bytes ? Error::transient(tr("The refresh was abandoned")) : bytes.error());
                    return;
                }
                const QString secret = QString::fromUtf8(bytes.value());
                Net::Redactor::remember(secret);
                {
                    QMutexLocker lock(&m_mutex);
                    m_clientSecret = secret;
                }
                callTokenEndpoint(guard, current, secret);
            });
    });
}

void AmoOAuthSession::callTokenEndpoint(Net::HttpClient *via, const AmoTokenSet &current,
                                        const QString &clientSecret)
{
    const QUrl base = current.baseUrl.isEmpty() ? m_config.integration.baseUrl : QUrl(current.baseUrl);
    QPointer<Net::HttpClient> guard(via);
    AmoAuth::refresh(
        *via, m_config.integration, base, clientSecret, current.refreshToken, m_clock->nowMs(),
        [this, guard](Common::Result<AmoTokenSet> fresh) {
            if (!fresh) {
                if (AmoAuth::isDeadGrant(fresh.error()))
                    markNeedsSignIn(fresh.error().message);
                endRefresh(fresh.error());
                return;
            }
            // Persist before anyone uses the pair: amoCRM kills the old refresh token at
            // the first use of the new one, so an unsaved pair must never be used.
            const AmoTokenSet tokens = fresh.value();
            saveTokens(
                *m_secrets, m_config.connectionId, tokens,
                [this, tokens](Common::Status saved) {
                    if (!saved) {
                        endRefresh(Error::unavailable(
                            tr("amoCRM issued new tokens but they could not be stored (%1); the old "
                               "ones stay valid and the refresh will be tried again")
                                .arg(saved.error().message)));
                        return;
                    }
                    {
                        QMutexLocker lock(&m_mutex);
                        ++m_refreshCount;
                    }
                    qCInfo(lcAmoCrm) << "connection" << m_config.connectionId << "tokens refreshed";
                    Q_EMIT tokensRefreshed(QDateTime::fromMSecsSinceEpoch(tokens.accessExpiresAtMs, Qt::UTC));
                    endRefresh(tokens);
                },
                m_db);
        });
}

void AmoOAuthSession::endRefresh(const Common::Result<AmoTokenSet> &result)
{
    if (m_lockHeld) {
        m_lockHeld = false;
        auto unlocked
            = Storage::Sql::scalar(*m_db, QStringLiteral("SELECT pg_advisory_unlock(?)"), { lockKey() });
        if (!unlocked)
            qCWarning(lcAmoCrm) << "could not release the refresh lock:" << unlocked.error().message;
    }
    QMutexLocker lock(&m_mutex);
    if (result) {
        m_tokens = result.value();
        m_loaded = true;
    }
    m_refreshing = false;
    QList<Waiter> waiters;
    waiters.swap(m_refreshWaiters);
    const Common::Result<QString> answer
        = result ? Common::Result<QString>(m_tokens.accessToken) : Common::Result<QString>(result.error());
    lock.unlock();
    finishWaiters(waiters, answer);
}

void AmoOAuthSession::markNeedsSignIn(const QString &reason)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_state == ConnectorState::NeedsSignIn)
            return;
        m_state = ConnectorState::NeedsSignIn;
    }
    qCWarning(lcAmoCrm) << "connection" << m_config.connectionId << "needs sign-in:" << reason;
    if (m_db && m_config.connectionId > 0) {
        Store::ConnectionRepo repo(m_db, m_clock);
        if (auto set = repo.setState(m_config.connectionId, QStringLiteral("needs-sign-in")); !set)
            qCWarning(lcAmoCrm) << "could not record the connection state:" << set.error().message;
    }
    Q_EMIT stateChanged(ConnectorState::NeedsSignIn, reason);
}

void AmoOAuthSession::reload()
{
    QMutexLocker lock(&m_mutex);
    m_loaded = false;
    m_tokens = {};
    const bool changed = m_state != ConnectorState::Ready;
    m_state = ConnectorState::Ready;
    lock.unlock();
    if (changed)
        Q_EMIT stateChanged(ConnectorState::Ready, QString());
}

ConnectorState AmoOAuthSession::state() const
{
    QMutexLocker lock(&m_mutex);
    return m_state;
}

int AmoOAuthSession::refreshCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_refreshCount;
}

TokenHealth AmoOAuthSession::health() const
{
    QMutexLocker lock(&m_mutex);
    TokenHealth h;
    h.kind = m_tokens.kind;
    h.signedIn = m_loaded && m_state == ConnectorState::Ready;
    if (m_tokens.accessExpiresAtMs > 0)
        h.accessExpiresAt = QDateTime::fromMSecsSinceEpoch(m_tokens.accessExpiresAtMs, Qt::UTC);
    if (m_tokens.refreshExpiresAtMs > 0)
        h.refreshExpiresAt = QDateTime::fromMSecsSinceEpoch(m_tokens.refreshExpiresAtMs, Qt::UTC);
    return h;
}

void AmoOAuthSession::noteExpiry(const AmoTokenSet &tokens)
{
    if (!m_db || m_config.connectionId <= 0)
        return;
    // Tokens stored before expiry records existed (or by a front end without a store) get one now.
    const Store::CredentialExpiry fresh = expiryOf(tokens);
    auto known = Store::CredentialExpiryRepo(m_db).load(m_config.connectionId);
    if (known && known->kind == fresh.kind && known->accessExpiresAt == fresh.accessExpiresAt
        && known->refreshExpiresAt == fresh.refreshExpiresAt)
        return;
    recordExpiry(m_db, m_config.connectionId, tokens);
}

void AmoOAuthSession::warnIfExpiring(const AmoTokenSet &tokens, const QString &why)
{
    const bool longLived = tokens.kind == AmoTokenSet::Kind::LongLived;
    const qint64 expiresAt = longLived ? tokens.accessExpiresAtMs : tokens.refreshExpiresAtMs;
    if (expiresAt <= 0 || expiresAt - m_clock->nowMs() >= qint64(m_config.warnDays) * 86'400'000)
        return;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(expiresAt, Qt::UTC);
    const QString when = at.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    const QString warning = longLived
        ? tr("The long-lived amoCRM token expires on %1: paste a new one before then").arg(when)
        : tr("amoCRM access ends on %1 and could not be renewed (%2): sign in again before then")
              .arg(when, why);
    qCWarning(lcAmoCrm) << "connection" << m_config.connectionId << warning;
    if (m_db && m_config.connectionId > 0) {
        if (auto set = Store::CredentialExpiryRepo(m_db).setWarning(m_config.connectionId, warning); !set)
            qCWarning(lcAmoCrm) << "could not record the expiry warning:" << set.error().message;
    }
    Q_EMIT tokenExpiring(at);
}

void AmoOAuthSession::checkHealth(Net::HttpClient *via, std::function<void(Common::Status)> done)
{
    if (!done)
        done = [](Common::Status) {};
    QPointer<Net::HttpClient> guard(via);
    QMutexLocker lock(&m_mutex);
    if (m_state == ConnectorState::NeedsSignIn) {
        lock.unlock();
        deliver({ via, [done](Common::Result<QString> r) { done(r.error()); } },
                needsSignInError(tr("amoCRM needs a new sign-in")));
        return;
    }
    if (!m_loaded) {
        m_loadWaiters.append({ via, [this, guard, done](Common::Result<QString> r) {
                                  if (!r)
                                      done(r.error());
                                  else if (guard)
                                      checkHealth(guard, done);
                              } });
        if (!m_loading) {
            m_loading = true;
            lock.unlock();
            ensureLoaded(via);
        }
        return;
    }
    const AmoTokenSet tokens = m_tokens;
    lock.unlock();
    const qint64 left = tokens.refreshExpiresAtMs - m_clock->nowMs();
    if (tokens.kind == AmoTokenSet::Kind::LongLived || left >= qint64(m_config.keepAliveDays) * 86'400'000) {
        warnIfExpiring(tokens, {});
        deliver({ via, [done](Common::Result<QString>) { done({}); } }, QString());
        return;
    }
    // Keep-alive: an idle integration loses its refresh token after three months (pain point 2), so
    // the pair is renewed in the refresh token's last keepAliveDays, whether or not anything is sent.
    qCInfo(lcAmoCrm) << "connection" << m_config.connectionId << "keep-alive refresh," << left / 86'400'000
                     << "days before the refresh token runs out";
    rejected(tokens.accessToken, Error::auth(tr("keep-alive")), via, [this, done](Common::Result<QString> r) {
        QMutexLocker lock(&m_mutex);
        const AmoTokenSet now = m_tokens;
        lock.unlock();
        if (!r) {
            qCWarning(lcAmoCrm) << "connection" << m_config.connectionId
                                << "keep-alive refresh failed:" << r.error().message;
            warnIfExpiring(now, r.error().message);
            done(r.error());
            return;
        }
        done({});
    });
}

} // namespace Crm::AmoCrm
