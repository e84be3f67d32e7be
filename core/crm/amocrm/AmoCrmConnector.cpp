// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoCrmConnector.h"

#include "AmoOAuthSession.h"
#include "AmoTokens.h"
#include "common/EngineProcess.h"
#include "crm/OpLogWriter.h"

#include <QTimer>

namespace Crm::AmoCrm {

using Common::Error;

namespace {

QString limiterKey(const QUrl &base)
{
    return QStringLiteral("amocrm:%1:%2").arg(base.host()).arg(base.port(base.scheme() == "http" ? 80 : 443));
}

Net::HttpClient::Options httpOptions(const AmoConnectorConfig &config)
{
    Net::HttpClient::Options o;
    o.account = limiterKey(config.baseUrl);
    o.limit = config.limit;
    o.retry = config.retry;
    o.connectTimeoutMs = config.connectTimeoutMs;
    o.transferTimeoutMs = config.transferTimeoutMs;
    return o;
}

} // namespace

AmoCrmConnector::AmoCrmConnector(AmoConnectorConfig config, std::shared_ptr<AmoOAuthSession> session,
                                 std::shared_ptr<Storage::Database> db, QNetworkAccessManager *network,
                                 const Common::Clock *clock, QObject *parent)
    : CrmConnector(parent)
    , m_config(std::move(config))
    , m_session(std::move(session))
    , m_db(std::move(db))
    , m_clock(clock)
    , m_http(network, httpOptions(m_config))
    , m_api(&m_http, [session = m_session] { return session->accountBase(); })
    , m_schema(&m_api, m_db, m_config.connectionId, clock)
{
    m_http.setAuthenticator(m_session);
    m_claimer
        = QStringLiteral("%1:amocrm-%2").arg(Common::EngineProcess::instanceId()).arg(quintptr(this), 0, 16);
    m_http.setOpLogHook(Crm::opLogWriter(m_db, m_config.connectionId, m_config.lane, clock, lcAmoCrm));
    connect(m_session.get(), &AmoOAuthSession::stateChanged, this,
            [this](ConnectorState state, const QString &reason) { setState(state, reason); });
    connect(&m_http, &Net::HttpClient::accountBlocked, this,
            [this](const QString &, const QDateTime &, const QString &reason) {
                setState(ConnectorState::Blocked, reason);
            });
    connect(&m_http.limiter(), &Net::RateLimiter::accountUnblocked, this,
            [this] { setState(m_session->state(), QString()); });
    connect(&m_http, &Net::HttpClient::paymentRequired, this,
            [this](const QString &reason) { setState(ConnectorState::PaymentRequired, reason); });
    m_state = m_session->state();

    m_paymentProbe.setSingleShot(true);
    m_paymentProbe.setInterval(m_config.paymentProbeMs);
    connect(&m_paymentProbe, &QTimer::timeout, this, &AmoCrmConnector::probePayment);
    if (m_config.healthCheckMs > 0) {
        m_healthTimer.setInterval(m_config.healthCheckMs);
        connect(&m_healthTimer, &QTimer::timeout, this, &AmoCrmConnector::checkCredential);
        m_healthTimer.start();
        QTimer::singleShot(std::min(m_config.firstHealthCheckMs, m_config.healthCheckMs), this,
                           &AmoCrmConnector::checkCredential);
    }
}

AmoCrmConnector::~AmoCrmConnector() = default;

ConnectorState AmoCrmConnector::state() const
{
    return m_state;
}

void AmoCrmConnector::setState(ConnectorState state, const QString &reason)
{
    if (state == ConnectorState::PaymentRequired && !m_paymentProbe.isActive())
        m_paymentProbe.start();
    if (state == m_state)
        return;
    if (state == ConnectorState::PaymentRequired)
        qCWarning(lcAmoCrm) << "connection" << m_config.connectionId << "account not paid:" << reason;
    m_state = state;
    Q_EMIT stateChanged(state, reason);
}

void AmoCrmConnector::checkCredential()
{
    m_session->checkHealth(&m_http);
}

void AmoCrmConnector::probePayment()
{
    if (m_state != ConnectorState::PaymentRequired)
        return;
    m_api.account({}, [this](Common::Result<QJsonValue> account) {
        if (account) {
            qCInfo(lcAmoCrm) << "connection" << m_config.connectionId << "account is paid again";
            setState(m_session->state(), QString());
        } else if (m_state == ConnectorState::PaymentRequired && !m_paymentProbe.isActive()) {
            m_paymentProbe.start();
        }
    });
}

void AmoCrmConnector::testConnection(Callback<AccountInfo> done)
{
    m_api.account({}, [this, done](Common::Result<QJsonValue> account) {
        if (!account) {
            done(account.error());
            return;
        }
        const QJsonObject a = account->toObject();
        AccountInfo info;
        info.accountId = QString::number(a.value("id").toInteger());
        info.accountName = a.value("name").toString();
        info.subdomain = a.value("subdomain").toString();
        info.userId = QString::number(a.value("current_user_id").toInteger());
        m_api.user(a.value("current_user_id").toInteger(),
                   [this, info, done](Common::Result<QJsonValue> user) mutable {
                       if (user) {
                           info.userName = user->toObject().value("name").toString();
                           info.userEmail = user->toObject().value("email").toString();
                       }
                       m_session->checkHealth(&m_http);
                       done(info);
                   });
    });
}

void AmoCrmConnector::fetchSchema(Callback<CrmSchema> done)
{
    m_schema.refresh(std::move(done));
}

void AmoCrmConnector::createFields(const QList<CustomField> &fields, Entity entity, Callback<CrmSchema> done)
{
    const QString path = entity == Entity::Deal ? QStringLiteral("leads")
        : entity == Entity::Contact             ? QStringLiteral("contacts")
        : entity == Entity::Company             ? QStringLiteral("companies")
                                                : QStringLiteral("customers");
    QJsonArray body;
    for (const CustomField &f : fields) {
        QJsonObject o { { "name", f.name }, { "type", f.type.isEmpty() ? QStringLiteral("text") : f.type } };
        if (f.sort)
            o.insert("sort", f.sort);
        if (!f.code.isEmpty())
            o.insert("code", f.code);
        QJsonArray enums;
        for (const FieldEnum &e : f.enums)
            enums.append(QJsonObject { { "value", e.value }, { "sort", e.sort } });
        if (!enums.isEmpty())
            o.insert("enums", enums);
        body.append(o);
    }
    m_api.createCustomFields(path, body, [this, done](Common::Result<QJsonValue> created) {
        if (!created) {
            done(created.error());
            return;
        }
        m_schema.refresh(done);
    });
}

void AmoCrmConnector::findDealsByExternalIds(const QStringList &externalIds, qint64 idFloor,
                                             Callback<QMap<QString, FoundDeal>> done)
{
    if (externalIds.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done(QMap<QString, FoundDeal>()); });
        return;
    }
    ensureExternalIdField([this, externalIds, idFloor, done](Common::Result<QString> field) {
        if (!field) {
            done(field.error());
            return;
        }
        scanLeadsDown(externalIds, idFloor, 1, {}, done);
    });
}

void AmoCrmConnector::scanLeadsDown(QStringList wanted, qint64 idFloor, int page,
                                    QMap<QString, FoundDeal> found, Callback<QMap<QString, FoundDeal>> done)
{
    // amoCRM cannot search a field exactly: filter[custom_fields_values] is alpha-only and query= is a
    // full-text search that can neither prove a deal absent nor be trusted to have indexed a lead made
    // a second ago. Lead ids only grow, and every deal looked for was made after its job's idFloor was
    // read, so the newest leads by id, read down to the floor and compared on our field exactly, hold
    // every one of them. Neither clock is involved (created_at is the CRM's, the window was ours).
    // Leads made while we page push older ones to later pages (seen twice, harmless); a manager
    // deleting a lead in the seconds between two pages could hide one (amoCRM pages by number only).
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("order[id]"), QStringLiteral("desc"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(AmoApiClient::kMaxPage));
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    CallMeta meta;
    meta.keys = wanted.join(QLatin1Char(' '));
    m_api.leadsPage(
        query,
        [=, this](Common::Result<QJsonValue> answer) mutable {
            if (!answer) {
                done(answer.error());
                return;
            }
            const QJsonArray leads = AmoApiClient::embedded(answer.value(), QStringLiteral("leads"));
            bool pastFloor = leads.isEmpty();
            for (const QJsonValue &v : leads) {
                const QJsonObject lead = v.toObject();
                const qint64 id = lead.value("id").toInteger();
                if (id <= idFloor) {
                    pastFloor = true;
                    break;
                }
                const QString ext = AmoCodec::textFieldValue(lead, m_externalIdFieldId);
                if (!ext.isEmpty() && wanted.removeAll(ext) > 0)
                    found.insert(ext,
                                 FoundDeal { QString::number(id), lead.value("created_at").toInteger() });
            }
            const bool more = answer->toObject().value("_links").toObject().contains("next");
            if (wanted.isEmpty() || pastFloor || !more) {
                done(found);
                return;
            }
            scanLeadsDown(wanted, idFloor, page + 1, found, done);
        },
        meta);
}

void AmoCrmConnector::contactsChangedSince(qint64 updatedSince, int page, Callback<ContactPage> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter[updated_at][from]"), QString::number(updatedSince));
    query.addQueryItem(QStringLiteral("order[updated_at]"), QStringLiteral("asc"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(AmoApiClient::kMaxPage));
    query.addQueryItem(QStringLiteral("page"), QString::number(qMax(1, page)));
    m_api.contactsPage(query, [done](Common::Result<QJsonValue> answer) {
        if (!answer) {
            done(answer.error());
            return;
        }
        ContactPage out;
        for (const QJsonValue &v : AmoApiClient::embedded(answer.value(), QStringLiteral("contacts")))
            out.contacts.append(AmoCodec::contactSummary(v.toObject()));
        out.hasMore = answer->toObject().value("_links").toObject().contains("next");
        done(out);
    });
}

void AmoCrmConnector::stageChangesSince(const QString &cursor, Callback<StageChangePage> done)
{
    if (cursor.isEmpty()) {
        // "From now on": the cursor starts at the current time; nothing older is replayed.
        StageChangePage page;
        page.nextCursor = QString::number(m_clock->nowMs() / 1000) + QStringLiteral(":");
        QTimer::singleShot(0, this, [done, page] { done(page); });
        return;
    }
    bonusPointsFieldId(
        [this, cursor, done](const QString &fieldId) { readChangesSince(cursor, fieldId, done); });
}

void AmoCrmConnector::readChangesSince(const QString &cursor, const QString &pointsFieldId,
                                       Callback<StageChangePage> done)
{
    const qint64 since = cursor.section(QLatin1Char(':'), 0, 0).toLongLong();
    const QString lastId = cursor.section(QLatin1Char(':'), 1);
    QStringList types { QStringLiteral("lead_status_changed") };
    if (!pointsFieldId.isEmpty())
        types << QStringLiteral("custom_field_%1_value_changed").arg(pointsFieldId);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter[type]"), types.join(QLatin1Char(',')));
    query.addQueryItem(QStringLiteral("filter[created_at][from]"), QString::number(since));
    query.addQueryItem(QStringLiteral("limit"), QString::number(AmoApiClient::kMaxEventsPage));
    m_api.listAll(
        QStringLiteral("/api/v4/events"), query, QStringLiteral("events"),
        [done, since, lastId, cursor, pointsFieldId](Common::Result<QJsonArray> events) {
            if (!events) {
                done(events.error());
                return;
            }
            const auto seen = [since, &lastId](const QDateTime &at, const QString &eventId) {
                const qint64 secs = at.toSecsSinceEpoch();
                return secs < since || (secs == since && !lastId.isEmpty() && eventId <= lastId);
            };
            StageChangePage page;
            QPair<QDateTime, QString> newest;
            const auto keepNewest = [&newest](const QDateTime &at, const QString &eventId) {
                if (!newest.first.isValid() || at > newest.first
                    || (at == newest.first && eventId > newest.second))
                    newest = { at, eventId };
            };
            for (const QJsonValue &v : events.value()) {
                if (auto change = AmoCodec::stageChange(v.toObject())) {
                    if (seen(change->at, change->eventId))
                        continue;
                    keepNewest(change->at, change->eventId);
                    page.changes.append(*change);
                } else if (auto points = AmoCodec::pointsChange(v.toObject(), pointsFieldId)) {
                    if (seen(points->at, points->eventId))
                        continue;
                    keepNewest(points->at, points->eventId);
                    page.points.append(*points);
                }
            }
            std::sort(page.changes.begin(), page.changes.end(), [](const auto &a, const auto &b) {
                return a.at == b.at ? a.eventId < b.eventId : a.at < b.at;
            });
            std::sort(page.points.begin(), page.points.end(), [](const auto &a, const auto &b) {
                return a.at == b.at ? a.eventId < b.eventId : a.at < b.at;
            });
            page.nextCursor = !newest.first.isValid()
                ? cursor
                : QString::number(newest.first.toSecsSinceEpoch()) + QLatin1Char(':') + newest.second;
            done(page);
        },
        10);
}

void AmoCrmConnector::registerStageWebhook(const QString &destination, Callback<void> done)
{
    m_api.registerWebhook(destination, { QStringLiteral("status_lead") },
                          [done](Common::Result<QJsonValue> answer) {
                              if (!answer)
                                  done(answer.error());
                              else
                                  done({});
                          });
}

void AmoCrmConnector::removeStageWebhook(const QString &destination, Callback<void> done)
{
    m_api.deleteWebhook(destination, [done](Common::Result<QJsonValue> answer) {
        if (!answer && answer.error().kind != Common::ErrorKind::NotFound)
            done(answer.error());
        else
            done({});
    });
}

} // namespace Crm::AmoCrm
