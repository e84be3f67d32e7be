// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <optional>

namespace Net {
class HttpClient;
}

namespace Crm::RetailCrm {

/** Extra facts about one call for the op log and the retry logic. */
struct RetailCallMeta
{
    QString keys; ///< business keys (order numbers, phones, emails)
    std::optional<qint64> jobId;
    bool idempotent = true; ///< false for creates (see Net::HttpRequest::idempotent)
    QList<qint64> jobIds; ///< every job a batch call carries, for the op log
};

/**
 * RetailCRM API v5 over Net::HttpClient: paths under `/api/v5/`, PHP-style query strings, POST bodies
 * form-encoded with the nested data as a JSON string in one field (`order={…}`), the key in the
 * `X-API-KEY` header and the `success`/`errorMsg`/`errors` envelope. An answer with `success: false`
 * becomes a Common::Error whose message names the fields in CRM Bridge's words (see fieldErrors) and
 * whose details hold `fields` (our names) and `crm_fields` (RetailCRM's paths). Not owning the client;
 * lives on its thread.
 */
class RetailApiClient
{
public:
    using JsonCallback = std::function<void(Common::Result<QJsonObject>)>;
    using Fields = QList<QPair<QString, QString>>;
    static constexpr int kPageLimit = 100;

    RetailApiClient(Net::HttpClient *http, QUrl base);

    void setApiKey(const QString &key) { m_key = key; }
    bool hasApiKey() const { return !m_key.isEmpty(); }
    Net::HttpClient *http() const { return m_http; }

    /** GET /api/v5/<path>, or /api/<path> when @p path starts with '/'. */
    void get(const QString &path, const QUrlQuery &query, JsonCallback done, const RetailCallMeta &meta = {});
    /** POST with the fields form-encoded (a JSON value goes in as its compact text). */
    void post(const QString &path, const Fields &fields, JsonCallback done, const RetailCallMeta &meta = {});

    static QString json(const QJsonValue &value);
    /** The envelope's error in our words; @p error is what HttpClient made of the answer. */
    static Common::Error envelopeError(const Common::Error &error);
    /** RetailCRM's field path ("delivery.code", "items[1].quantity") as the mapping names it. */
    static QString ourFieldName(const QString &crmPath);

private:
    QUrl url(const QString &path, const QUrlQuery &query) const;

    Net::HttpClient *m_http;
    QUrl m_base;
    QString m_key;
};

} // namespace Crm::RetailCrm
