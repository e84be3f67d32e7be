// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailCrmConnector.h"

#include "RetailCodec.h"
#include "crm/OpLogWriter.h"
#include "net/Redactor.h"
#include "secrets/SecretStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcRetailCrm, "crmbridge.retailcrm")

namespace Crm::RetailCrm {

using Common::Error;

namespace {

Net::HttpClient::Options httpOptions(const RetailConnectorConfig &config)
{
    Net::HttpClient::Options o;
    const QUrl &base = config.baseUrl;
    o.account = QStringLiteral("retailcrm:%1:%2")
                    .arg(base.host())
                    .arg(base.port(base.scheme() == "http" ? 80 : 443));
    o.limit = config.limit;
    o.retry = config.retry;
    o.connectTimeoutMs = config.connectTimeoutMs;
    o.transferTimeoutMs = config.transferTimeoutMs;
    o.userAgent = "CRM-Bridge";
    o.forbiddenMeansBlocked = false;
    return o;
}

} // namespace

/** The reference answers collected one call after the other for fetchSchema(). */
struct ReferenceFetch
{
    RetailCodec::References refs;
};

RetailCrmConnector::RetailCrmConnector(RetailConnectorConfig config,
                                       std::shared_ptr<Secrets::SecretStore> secrets,
                                       std::shared_ptr<Storage::Database> db, QNetworkAccessManager *network,
                                       const Common::Clock *clock, QObject *parent)
    : CrmConnector(parent)
    , m_config(std::move(config))
    , m_secrets(std::move(secrets))
    , m_db(std::move(db))
    , m_clock(clock)
    , m_http(network, httpOptions(m_config))
    , m_api(&m_http, m_config.baseUrl)
{
    m_http.setOpLogHook(Crm::opLogWriter(m_db, m_config.connectionId, m_config.lane, clock, lcRetailCrm));
    m_recheck.setInterval(m_config.keyRecheckMs);
    connect(&m_recheck, &QTimer::timeout, this, &RetailCrmConnector::recheckKey);
}

RetailCrmConnector::~RetailCrmConnector() = default;

QString RetailCrmConnector::crmExternalIdOf(const DealDraft &draft) const
{
    return RetailCodec::externalIdOf(draft);
}

void RetailCrmConnector::setState(ConnectorState state, const QString &reason)
{
    if (state == m_state)
        return;
    m_state = state;
    if (state == ConnectorState::Ready)
        m_recheck.stop();
    else
        m_recheck.start();
    Q_EMIT stateChanged(state, reason);
}

void RetailCrmConnector::withKey(std::function<void(Common::Status)> done)
{
    if (m_api.hasApiKey()) {
        QTimer::singleShot(0, this, [done] { done({}); });
        return;
    }
    if (!m_secrets) {
        QTimer::singleShot(0, this, [done] {
            done(Error::unavailable(tr("No secret store"), QStringLiteral("no-secrets")));
        });
        return;
    }
    QPointer<RetailCrmConnector> self(this);
    m_secrets->read(Secrets::SecretStore::connectionScope(m_config.connectionId), RetailSecretNames::apiKey(),
                    [self, done](Common::Result<QByteArray> key) {
                        if (!self)
                            return;
                        if (!key) {
                            Error e = key.error();
                            if (e.kind == Common::ErrorKind::NotFound) {
                                e = Error::auth(
                                    tr("This RetailCRM connection has no API key: add it again with "
                                       "its key (crmbridgectl connection add retailcrm … reads it "
                                       "from stdin)"),
                                    QStringLiteral("no-api-key"));
                                self->setState(ConnectorState::NeedsSignIn, e.message);
                            }
                            done(e);
                            return;
                        }
                        const QString value = QString::fromUtf8(key.value()).trimmed();
                        Net::Redactor::remember(value);
                        self->m_api.setApiKey(value);
                        done({});
                    });
}

void RetailCrmConnector::noteError(const Error &error)
{
    if (error.kind != Common::ErrorKind::Auth)
        return;
    // Forget the refused key: the recheck timer reads the stored one again.
    m_api.setApiKey({});
    setState(ConnectorState::NeedsSignIn, error.message);
}

void RetailCrmConnector::recheckKey()
{
    if (!m_secrets)
        return;
    QPointer<RetailCrmConnector> self(this);
    m_secrets->read(Secrets::SecretStore::connectionScope(m_config.connectionId), RetailSecretNames::apiKey(),
                    [self](Common::Result<QByteArray> key) {
                        if (!self || !key)
                            return;
                        // Try it: the next call tells whether this key works.
                        self->setState(ConnectorState::Ready, QString());
                    });
}

void RetailCrmConnector::get(const QString &path, const QUrlQuery &query, JsonCallback done,
                             const RetailCallMeta &meta)
{
    withKey([this, path, query, done, meta](Common::Status ready) {
        if (!ready) {
            done(ready.error());
            return;
        }
        m_api.get(
            path, query,
            [this, done](Common::Result<QJsonObject> answer) {
                if (!answer)
                    noteError(answer.error());
                done(std::move(answer));
            },
            meta);
    });
}

void RetailCrmConnector::post(const QString &path, RetailApiClient::Fields fields, JsonCallback done,
                              const RetailCallMeta &meta)
{
    withKey([this, path, fields, done, meta](Common::Status ready) {
        if (!ready) {
            done(ready.error());
            return;
        }
        m_api.post(
            path, fields,
            [this, done](Common::Result<QJsonObject> answer) {
                if (!answer)
                    noteError(answer.error());
                done(std::move(answer));
            },
            meta);
    });
}

void RetailCrmConnector::testConnection(Callback<AccountInfo> done)
{
    get(QStringLiteral("/credentials"), {}, [this, done](Common::Result<QJsonObject> credentials) {
        if (!credentials) {
            done(credentials.error());
            return;
        }
        QStringList sites;
        for (const QJsonValue &v : credentials->value(QLatin1String("sitesAvailable")).toArray())
            sites << v.toString();
        if (!m_config.site.isEmpty() && !sites.isEmpty() && !sites.contains(m_config.site)) {
            done(Error::auth(tr("The API key cannot see site \u201c%1\u201d (it sees: %2)")
                                 .arg(m_config.site, sites.join(QLatin1String(", "))),
                             QStringLiteral("site-not-available")));
            return;
        }
        const QString access = credentials->value(QLatin1String("siteAccess")).toString();
        get(QStringLiteral("reference/sites"), {}, [this, done, access](Common::Result<QJsonObject> answer) {
            AccountInfo info;
            info.accountId = m_config.site;
            info.subdomain = m_config.baseUrl.host();
            info.userName = tr("API key (%1)").arg(access);
            if (answer) {
                // A full-access key's credentials list no sitesAvailable, so the sites are the check.
                const QJsonObject sites = answer->value(QLatin1String("sites")).toObject();
                if (!m_config.site.isEmpty() && !sites.isEmpty() && !sites.contains(m_config.site)) {
                    done(Error::auth(tr("The API key cannot see site \u201c%1\u201d (it sees: %2)")
                                         .arg(m_config.site, sites.keys().join(QLatin1String(", "))),
                                     QStringLiteral("site-not-available")));
                    return;
                }
                const QJsonObject site = sites.value(m_config.site).toObject();
                info.accountName = site.value(QLatin1String("name")).toString(m_config.site);
            }
            if (info.accountName.isEmpty())
                info.accountName = m_config.site;
            setState(ConnectorState::Ready, QString());
            done(info);
        });
    });
}

void RetailCrmConnector::fetchSchema(Callback<CrmSchema> done)
{
    auto fetch = std::make_shared<ReferenceFetch>();
    fetch->refs.site = m_config.site;
    fetchReferences(0, fetch, std::move(done));
}

void RetailCrmConnector::fetchReferences(int index, std::shared_ptr<ReferenceFetch> fetch,
                                         Callback<CrmSchema> done)
{
    // path, answer key, and where it goes (a dictionary name, or a special slot)
    static const QList<std::tuple<const char *, const char *, const char *>> steps {
        { "reference/statuses", "statuses", "" },
        { "reference/status-groups", "statusGroups", "" },
        { "reference/sites", "sites", "" },
        { "reference/delivery-types", "deliveryTypes", "delivery-types" },
        { "reference/payment-types", "paymentTypes", "payment-types" },
        { "reference/payment-statuses", "paymentStatuses", "payment-statuses" },
        { "reference/order-types", "orderTypes", "order-types" },
        { "reference/order-methods", "orderMethods", "order-methods" },
    };
    if (index >= steps.size()) {
        fetchLists(fetch, std::move(done));
        return;
    }
    const auto [path, key, dictionary] = steps[index];
    get(QLatin1String(path), {}, [=, this](Common::Result<QJsonObject> answer) {
        const QString k = QLatin1String(key);
        if (!answer) {
            done(answer.error());
            return;
        }
        const QJsonValue value = answer->value(k);
        if (k == QLatin1String("statuses"))
            fetch->refs.statuses = value.toObject();
        else if (k == QLatin1String("statusGroups"))
            fetch->refs.statusGroups = value.toObject();
        else if (k == QLatin1String("sites"))
            fetch->refs.sites = value.toObject();
        else
            fetch->refs.dictionaries.insert(QLatin1String(dictionary), value.toObject());
        fetchReferences(index + 1, fetch, done);
    });
}

void RetailCrmConnector::fetchLists(std::shared_ptr<ReferenceFetch> fetch, Callback<CrmSchema> done)
{
    // An account without these methods answers "API method not found", a key without the right to
    // call them "Access denied.": then there are none. The key itself has just read the dictionaries.
    auto orNone = [](const Common::Result<QJsonArray> &list, QJsonArray *out) {
        if (list)
            *out = list.value();
        return list || list.error().kind == Common::ErrorKind::NotFound
            || list.error().kind == Common::ErrorKind::Auth;
    };
    getAllPages(
        QStringLiteral("custom-fields"), QStringLiteral("customFields"), {}, 1, {},
        [this, fetch, done, orNone](Common::Result<QJsonArray> fields) {
            if (!orNone(fields, &fetch->refs.customFields)) {
                done(fields.error());
                return;
            }
            getAllPages(
                QStringLiteral("users"), QStringLiteral("users"), {}, 1, {},
                [this, fetch, done, orNone](Common::Result<QJsonArray> users) {
                    if (!orNone(users, &fetch->refs.users)) {
                        done(users.error());
                        return;
                    }
                    done(RetailCodec::schemaFrom(fetch->refs,
                                                 QDateTime::fromMSecsSinceEpoch(m_clock->nowMs(), Qt::UTC)));
                },
                true);
        },
        true);
}

void RetailCrmConnector::getAllPages(const QString &path, const QString &key, QUrlQuery query, int page,
                                     QJsonArray got, ListCallback done, bool optional)
{
    QUrlQuery paged = query;
    paged.addQueryItem(QStringLiteral("limit"), QString::number(RetailApiClient::kPageLimit));
    paged.addQueryItem(QStringLiteral("page"), QString::number(page));
    auto onPage = [=, this](Common::Result<QJsonObject> answer) mutable {
        if (!answer) {
            done(answer.error());
            return;
        }
        for (const QJsonValue &v : answer->value(key).toArray())
            got.append(v);
        const int pages = answer->value(QLatin1String("pagination"))
                              .toObject()
                              .value(QLatin1String("totalPageCount"))
                              .toInt();
        if (page >= pages) {
            done(got);
            return;
        }
        getAllPages(path, key, query, page + 1, got, done, optional);
    };
    if (!optional) {
        get(path, paged, onPage);
        return;
    }
    // A refusal of an optional list is about this method, not the key: no NeedsSignIn for it.
    withKey([this, path, paged, onPage](Common::Status ready) mutable {
        if (!ready) {
            onPage(ready.error());
            return;
        }
        m_api.get(path, paged, onPage);
    });
}

void RetailCrmConnector::createFields(const QList<CustomField> &fields, Entity entity,
                                      Callback<CrmSchema> done)
{
    const QString retailEntity = RetailCodec::customFieldEntity(entity);
    if (retailEntity.isEmpty()) {
        QTimer::singleShot(0, this, [done] {
            done(Error::permanent(tr("RetailCRM has custom fields for orders and customers only; map this "
                                     "value to an order or customer field"),
                                  QStringLiteral("unsupported-entity")));
        });
        return;
    }
    // The codes in use decide the new ones: "Трек-номер" becomes trek_nomer, or trek_nomer_2.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter[entity]"), retailEntity);
    getAllPages(QStringLiteral("custom-fields"), QStringLiteral("customFields"), query, 1, {},
                [this, fields, retailEntity, done](Common::Result<QJsonArray> existing) {
                    if (!existing) {
                        done(existing.error());
                        return;
                    }
                    QStringList taken;
                    for (const QJsonValue &v : existing.value())
                        taken << v.toObject().value(QLatin1String("code")).toString();
                    QList<QJsonObject> bodies;
                    for (const CustomField &f : fields) {
                        const QString code = RetailCodec::fieldCodeFor(f.name, taken);
                        taken << code;
                        bodies << RetailCodec::customFieldJson(f, code);
                    }
                    createFieldsOneByOne(retailEntity, bodies, done);
                });
}

void RetailCrmConnector::createFieldsOneByOne(const QString &entity, QList<QJsonObject> bodies,
                                              Callback<CrmSchema> done)
{
    if (bodies.isEmpty()) {
        fetchSchema(std::move(done));
        return;
    }
    const QJsonObject body = bodies.takeFirst();
    qCInfo(lcRetailCrm) << "creating the" << entity << "field"
                        << body.value(QLatin1String("code")).toString();
    RetailCallMeta meta;
    meta.keys = body.value(QLatin1String("code")).toString();
    meta.idempotent = false;
    post(
        QStringLiteral("custom-fields/%1/create").arg(entity),
        { { QStringLiteral("customField"), RetailApiClient::json(body) } },
        [this, entity, bodies, done](Common::Result<QJsonObject> created) {
            if (!created) {
                done(created.error());
                return;
            }
            createFieldsOneByOne(entity, bodies, done);
        },
        meta);
}

void RetailCrmConnector::findDealsByExternalIds(const QStringList &externalIds, qint64,
                                                Callback<QMap<QString, FoundDeal>> done)
{
    if (externalIds.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done(QMap<QString, FoundDeal>()); });
        return;
    }
    const QStringList chunk = externalIds.mid(0, 50);
    const QStringList rest = externalIds.mid(50);
    QUrlQuery query;
    for (const QString &id : chunk)
        query.addQueryItem(QStringLiteral("filter[externalIds][]"), id);
    query.addQueryItem(QStringLiteral("filter[sites][]"), m_config.site);
    query.addQueryItem(QStringLiteral("limit"), QString::number(RetailApiClient::kPageLimit));
    get(QStringLiteral("orders"), query, [this, rest, done](Common::Result<QJsonObject> answer) {
        if (!answer) {
            done(answer.error());
            return;
        }
        QMap<QString, FoundDeal> found;
        for (const QJsonValue &v : answer->value(QLatin1String("orders")).toArray())
            found.insert(
                v.toObject().value(QLatin1String("externalId")).toString(),
                FoundDeal { QString::number(v.toObject().value(QLatin1String("id")).toInteger()), 0 });
        if (rest.isEmpty()) {
            done(found);
            return;
        }
        findDealsByExternalIds(rest, 0, [found, done](Common::Result<QMap<QString, FoundDeal>> more) {
            if (!more) {
                done(more.error());
                return;
            }
            QMap<QString, FoundDeal> all = found;
            all.insert(more.value());
            done(all);
        });
    });
}

QString RetailCrmConnector::noStageWebhooksAdvice() const
{
    // Why `backsync enable --url` is refused instead of printing a trigger to configure by hand:
    // RetailCRM has no API to subscribe to order changes; its only push is a trigger that a user
    // builds in the CRM's UI (Administration → Triggers, an "HTTP request" action). Such a trigger
    // fires once without retries, carries no history id and is not ours to register, check or remove,
    // so a missed or stale one would silently lose changes, and nothing could tell the operator.
    // orders/history polled with sinceId is complete, ordered and resumable, and marks our own edits
    // (apiKey.current), which is what keeps statuses from ping-ponging. So: polling, always.
    return tr("RetailCRM cannot be subscribed to status changes through its API (its triggers are set "
              "up by hand in the CRM and are not retried): use polling of the order history instead "
              "(crmbridgectl backsync enable NAME --poll [--interval S])");
}

void RetailCrmConnector::stageChangesSince(const QString &cursor, Callback<StageChangePage> done)
{
    if (cursor.isEmpty()) {
        // "From now on": the newest history id is the cursor; its page is the last one.
        QUrlQuery first;
        first.addQueryItem(QStringLiteral("limit"), QString::number(RetailApiClient::kPageLimit));
        get(QStringLiteral("orders/history"), first, [this, done](Common::Result<QJsonObject> answer) {
            if (!answer) {
                done(answer.error());
                return;
            }
            auto lastId = [](const QJsonObject &page) {
                const QJsonArray history = page.value(QLatin1String("history")).toArray();
                return history.isEmpty()
                    ? QStringLiteral("0")
                    : QString::number(history.last().toObject().value(QLatin1String("id")).toInteger());
            };
            const int pages = answer->value(QLatin1String("pagination"))
                                  .toObject()
                                  .value(QLatin1String("totalPageCount"))
                                  .toInt();
            if (pages <= 1) {
                done(StageChangePage { {}, lastId(answer.value()), false });
                return;
            }
            QUrlQuery last;
            last.addQueryItem(QStringLiteral("limit"), QString::number(RetailApiClient::kPageLimit));
            last.addQueryItem(QStringLiteral("page"), QString::number(pages));
            get(QStringLiteral("orders/history"), last, [done, lastId](Common::Result<QJsonObject> page) {
                if (!page) {
                    done(page.error());
                    return;
                }
                done(StageChangePage { {}, lastId(page.value()), false });
            });
        });
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter[sinceId]"), cursor);
    query.addQueryItem(QStringLiteral("limit"), QString::number(RetailApiClient::kPageLimit));
    get(QStringLiteral("orders/history"), query, [this, cursor, done](Common::Result<QJsonObject> answer) {
        if (!answer) {
            done(answer.error());
            return;
        }
        StageChangePage page;
        page.nextCursor = cursor;
        for (const QJsonValue &v : answer->value(QLatin1String("history")).toArray()) {
            const QJsonObject entry = v.toObject();
            page.nextCursor = QString::number(entry.value(QLatin1String("id")).toInteger());
            const QString site
                = entry.value(QLatin1String("order")).toObject().value(QLatin1String("site")).toString();
            if (!site.isEmpty() && !m_config.site.isEmpty() && site != m_config.site)
                continue;
            if (auto change = RetailCodec::stageChange(entry))
                page.changes.append(*change);
        }
        page.hasMore = answer->value(QLatin1String("pagination"))
                           .toObject()
                           .value(QLatin1String("totalPageCount"))
                           .toInt()
            > 1;
        done(page);
    });
}

} // namespace Crm::RetailCrm
