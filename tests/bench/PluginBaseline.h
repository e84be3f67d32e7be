// SPDX-License-Identifier: GPL-3.0-or-later
// The baseline the amoCRM benchmarks measure against: what a shop plugin does. Test code only.
#pragma once

#include "model/ShopOrder.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>
#include <functional>

namespace Bench {

/**
 * What the amoCRM plugins of miniShop2/WooCommerce do on every order, in order and waiting for each
 * answer: GET contacts?query=<phone>, POST contacts when nobody was found, POST leads with the contact,
 * POST leads/notes. Phones are sent and searched as +7 and ten digits, so a repeat customer is found.
 */
class PluginBaseline
{
public:
    PluginBaseline(Net::HttpClient *client, QUrl base, QList<Model::ShopOrder> orders)
        : m_client(client)
        , m_base(std::move(base))
        , m_orders(std::move(orders))
    { }

    /** Sends this token itself instead of asking the client's Authenticator (a long-lived token). */
    void setBearer(const QByteArray &token) { m_bearer = token; }
    void start() { next(); }
    bool finished() const { return m_done >= m_orders.size() || !m_error.isEmpty(); }
    int done() const { return m_done; }
    int contactsCreated() const { return m_contactsCreated; }
    QString error() const { return m_error; }

private:
    using Then = std::function<void(const QJsonObject &)>;

    static QString tenDigits(const QString &phone)
    {
        QString digits;
        for (const QChar c : phone)
            if (c.isDigit())
                digits += c;
        return digits.right(10);
    }

    void call(const QByteArray &method, const QString &path, const QUrlQuery &query, const QJsonArray &body,
              Then then)
    {
        Net::HttpRequest request;
        request.method = method;
        request.url = QUrl(m_base.toString() + path);
        request.url.setQuery(query);
        if (!m_bearer.isEmpty()) {
            request.authenticated = false;
            request.headers.append({ "Authorization", "Bearer " + m_bearer });
        }
        if (method == "POST") {
            request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            request.idempotent = false;
        }
        m_client->send(request, [this, path, then](Common::Result<Net::HttpResponse> answer) {
            if (!answer || answer->status >= 300) {
                m_error = path + QStringLiteral(": ")
                    + (answer ? QString::number(answer->status) : answer.error().toString());
                return;
            }
            then(answer->isEmpty() ? QJsonObject() : answer->json().object());
        });
    }

    static qint64 firstId(const QJsonObject &answer, const char *key)
    {
        const QJsonArray list = answer.value("_embedded").toObject().value(QLatin1String(key)).toArray();
        return list.isEmpty() ? 0 : list.first().toObject().value("id").toInteger();
    }

    void next()
    {
        if (finished())
            return;
        const Model::ShopOrder &order = m_orders[m_done];
        const QString phone = tenDigits(order.customer.phone);
        QUrlQuery search;
        search.addQueryItem(QStringLiteral("query"), phone);
        call("GET", QStringLiteral("/api/v4/contacts"), search, {}, [this, phone](const QJsonObject &found) {
            if (const qint64 id = firstId(found, "contacts")) {
                lead(id);
                return;
            }
            const Model::ShopOrder &order = m_orders[m_done];
            QJsonArray fields { QJsonObject {
                { "field_code", "PHONE" },
                { "values",
                  QJsonArray { QJsonObject { { "value", "+7" + phone }, { "enum_code", "WORK" } } } } } };
            if (!order.customer.email.isEmpty())
                fields.append(QJsonObject { { "field_code", "EMAIL" },
                                            { "values",
                                              QJsonArray { QJsonObject { { "value", order.customer.email },
                                                                         { "enum_code", "WORK" } } } } });
            const QJsonArray contact { QJsonObject { { "name", order.customer.name },
                                                     { "custom_fields_values", fields } } };
            call("POST", QStringLiteral("/api/v4/contacts"), {}, contact, [this](const QJsonObject &created) {
                ++m_contactsCreated;
                lead(firstId(created, "contacts"));
            });
        });
    }

    void lead(qint64 contactId)
    {
        const Model::ShopOrder &order = m_orders[m_done];
        const QJsonArray body { QJsonObject {
            { "name", QStringLiteral("Заказ №%1").arg(order.number) },
            { "price", qint64(order.cost) },
            { "_embedded",
              QJsonObject { { "contacts", QJsonArray { QJsonObject { { "id", contactId } } } } } } } };
        call("POST", QStringLiteral("/api/v4/leads"), {}, body, [this](const QJsonObject &created) {
            const Model::ShopOrder &order = m_orders[m_done];
            QStringList text { QStringLiteral("Заказ №%1").arg(order.number) };
            for (const Model::OrderLine &line : order.lines)
                text << QStringLiteral("%1 × %2 = %3").arg(line.name).arg(line.quantity).arg(line.cost);
            const QJsonArray note { QJsonObject {
                { "entity_id", firstId(created, "leads") },
                { "note_type", "common" },
                { "params", QJsonObject { { "text", text.join(QLatin1Char('\n')) } } } } };
            call("POST", QStringLiteral("/api/v4/leads/notes"), {}, note, [this](const QJsonObject &) {
                ++m_done;
                next();
            });
        });
    }

    Net::HttpClient *m_client;
    QUrl m_base;
    QList<Model::ShopOrder> m_orders;
    QByteArray m_bearer;
    int m_done = 0;
    int m_contactsCreated = 0;
    QString m_error;
};

} // namespace Bench
