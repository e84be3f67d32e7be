// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "net/HttpTypes.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

namespace Net {
class HttpClient;
}

namespace Crm::AmoCrm {

/** Extra facts about one call for the op log and the retry logic. */
struct CallMeta
{
    QString keys; ///< business keys (order numbers, phones, emails)
    std::optional<qint64> jobId;
    bool idempotent = true; ///< false for creates (see Net::HttpRequest::idempotent)
    QList<qint64> jobIds; ///< every job a batch call carries, for the op log
};

/**
 * amoCRM API v4 over Net::HttpClient: paths, query strings and HAL unwrapping, nothing else.
 * Answers are JSON values: an object, an array (leads/complex), or undefined for 204 / empty bodies,
 * which is "nothing found", not an error. Lives on the thread of its HttpClient; not owning it.
 */
class AmoApiClient
{
public:
    using JsonCallback = std::function<void(Common::Result<QJsonValue>)>;
    using ListCallback = std::function<void(Common::Result<QJsonArray>)>;
    static constexpr int kMaxPage = 250;
    static constexpr int kMaxEventsPage = 100;

    AmoApiClient(Net::HttpClient *http, std::function<QUrl()> accountBase);

    Net::HttpClient *http() const { return m_http; }
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;

    void get(const QString &path, const QUrlQuery &query, JsonCallback done, const CallMeta &meta = {});
    void send(const QByteArray &method, const QString &path, const QJsonValue &body, JsonCallback done,
              const CallMeta &meta = {});
    /** Every item of `_embedded.<key>` over pages (limit 250) until a 204 or a page without "next". */
    void listAll(const QString &path, QUrlQuery query, const QString &key, ListCallback done,
                 int maxPages = 40);
    /** `_embedded.<key>` of a HAL answer; empty for 204. */
    static QJsonArray embedded(const QJsonValue &answer, const QString &key);

    // Account and people.
    void account(const QStringList &with, JsonCallback done);
    void users(ListCallback done);
    void user(qint64 id, JsonCallback done);
    // Pipelines, statuses and custom fields ("leads", "contacts", "companies", "customers").
    void pipelines(ListCallback done);
    void customFields(const QString &entity, ListCallback done);
    void createCustomFields(const QString &entity, const QJsonArray &fields, JsonCallback done);
    // Contacts.
    void contactsPage(const QUrlQuery &query, JsonCallback done);
    void createContacts(const QJsonArray &contacts, JsonCallback done, const CallMeta &meta = {});
    void updateContacts(const QJsonArray &contacts, JsonCallback done, const CallMeta &meta = {});
    // Leads.
    void leadsPage(const QUrlQuery &query, JsonCallback done, const CallMeta &meta = {});
    void leadsComplex(const QJsonArray &leads, JsonCallback done, const CallMeta &meta = {});
    /** Web-form requests into unsorted (POST /api/v4/leads/unsorted/forms). */
    void addUnsortedForms(const QJsonArray &items, JsonCallback done, const CallMeta &meta = {});
    void createLeads(const QJsonArray &leads, JsonCallback done, const CallMeta &meta = {});
    void updateLeads(const QJsonArray &leads, JsonCallback done, const CallMeta &meta = {});
    // Notes and tags of "leads", "contacts", "companies", "customers".
    void addNotes(const QString &entity, const QJsonArray &notes, JsonCallback done,
                  const CallMeta &meta = {});
    void tags(const QString &entity, ListCallback done);
    void addTags(const QString &entity, const QJsonArray &tags, JsonCallback done);
    // Events (the audit log), webhooks.
    void events(const QUrlQuery &query, JsonCallback done);
    void webhooks(ListCallback done);
    void registerWebhook(const QString &destination, const QStringList &settings, JsonCallback done);
    void deleteWebhook(const QString &destination, JsonCallback done);
    // Catalogs (lists), customers and transactions.
    void catalogs(ListCallback done);
    void addCatalogs(const QJsonArray &catalogs, JsonCallback done);
    void catalogElements(qint64 catalogId, const QUrlQuery &query, JsonCallback done);
    void addCatalogElements(qint64 catalogId, const QJsonArray &elements, JsonCallback done,
                            const CallMeta &meta = {});
    void updateCatalogElements(qint64 catalogId, const QJsonArray &elements, JsonCallback done,
                               const CallMeta &meta = {});
    /** DELETE with `[{"id"}]`, at most 50 (see tests/sandbox/README.md, Assumptions). */
    void deleteCatalogElements(qint64 catalogId, const QJsonArray &ids, JsonCallback done,
                               const CallMeta &meta = {});
    /** The mass link of leads to entities: `[{entity_id, to_entity_id, to_entity_type, metadata}]`. */
    void linkLeads(const QJsonArray &links, JsonCallback done, const CallMeta &meta = {});
    /** Links of one lead: `[{to_entity_id, to_entity_type, metadata}]`. */
    void linkLead(qint64 leadId, const QJsonArray &links, JsonCallback done, const CallMeta &meta = {});
    void customersPage(const QUrlQuery &query, JsonCallback done);
    void addCustomers(const QJsonArray &customers, JsonCallback done, const CallMeta &meta = {});
    void transactions(qint64 customerId, JsonCallback done);
    void addTransactions(qint64 customerId, const QJsonArray &transactions, JsonCallback done,
                         const CallMeta &meta = {});

private:
    void collect(const QUrl &url, const QString &key, QJsonArray soFar, int pagesLeft, ListCallback done);

    Net::HttpClient *m_http;
    std::function<QUrl()> m_base;
};

} // namespace Crm::AmoCrm
