// SPDX-License-Identifier: GPL-3.0-or-later
#include "LogRowGenerator.h"

#include <array>

namespace Bench {

namespace {

/** splitmix64: a stream of well-mixed numbers from one seed (the row number). */
class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull)
    { }
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }

private:
    quint64 m_state;
};

const std::array<const char16_t *, 12> kFirstNames { u"Иван",   u"Мария",   u"Алексей", u"Ольга",
                                                     u"Сергей", u"Анна",    u"Дмитрий", u"Елена",
                                                     u"Павел",  u"Наталья", u"Никита",  u"Татьяна" };
const std::array<const char16_t *, 10> kLastNames { u"Иванов",  u"Смирнова", u"Кузнецов", u"Попова",
                                                    u"Соколов", u"Лебедева", u"Козлов",   u"Новикова",
                                                    u"Морозов", u"Волкова" };
const std::array<const char16_t *, 8> kProducts {
    u"Кофемашина DeLonghi Magnifica S", u"Чайник электрический Bosch TWK 3A011",
    u"Пылесос Dyson V11 Absolute",      u"Фен Philips BHD350/10",
    u"Мультиварка Redmond RMC-M90",     u"Утюг Tefal FV5735E0",
    u"Блендер погружной Braun MQ 5235", u"Весы кухонные Xiaomi Mi Smart Scale"
};
const std::array<const char16_t *, 6> kCities { u"Москва",      u"Санкт-Петербург", u"Екатеринбург",
                                                u"Новосибирск", u"Казань",          u"Нижний Новгород" };
const std::array<const char *, 5> kMailDomains { "mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru" };

constexpr int kMaxLeads = 64; // lead numbers are row * kMaxLeads + lead: unique without a running count

QString str(const char16_t *s)
{
    return QString::fromUtf16(s);
}

/** One lead of a leads/complex body as AmoCodec encodes it (deal, contact with phone and email, fields). */
void appendLead(QString &body, qint64 n, int lead, Rng &rng)
{
    const QString order = LogRowGenerator::orderNumber(n, lead);
    const int items = 1 + rng.below(3);
    QString goods;
    int price = 0;
    for (int i = 0; i < items; ++i) {
        const int each = 990 + rng.below(40000);
        const int qty = 1 + rng.below(3);
        price += each * qty;
        goods += QStringLiteral("%1 × %2 — %3 ₽\\n")
                     .arg(str(kProducts[rng.below(int(kProducts.size()))]))
                     .arg(qty)
                     .arg(each);
    }
    const QString first = str(kFirstNames[rng.below(int(kFirstNames.size()))]);
    const QString last = str(kLastNames[rng.below(int(kLastNames.size()))]);
    body
        += QStringLiteral(
               R"({"name":"Заказ №%1","price":%2,"pipeline_id":7712034,"status_id":61244510,)"
               R"("custom_fields_values":[{"field_id":1483021,"values":[{"value":"%1"}]},)"
               R"({"field_id":1483023,"values":[{"value":"%3"}]},{"field_id":1483025,"values":[{"value":"%4"}]},)"
               R"({"field_id":1483027,"values":[{"enum_id":3401}]}],)"
               R"("_embedded":{"tags":[{"name":"Интернет-магазин"}],"contacts":[{"first_name":"%5","last_name":"%6",)"
               R"("custom_fields_values":[{"field_code":"PHONE","values":[{"value":"%7","enum_code":"WORK"}]},)"
               R"({"field_code":"EMAIL","values":[{"value":"%8","enum_code":"WORK"}]}]}]},"request_id":"%9"})")
               .arg(order)
               .arg(price)
               .arg(goods, str(kCities[rng.below(int(kCities.size()))]), first, last,
                    LogRowGenerator::phone(n, lead), LogRowGenerator::email(n, lead),
                    QString::number(n * kMaxLeads + lead));
}

void appendAnswer(QString &body, qint64 n, int lead)
{
    const qint64 id = 30'000'000 + n * kMaxLeads + lead;
    body += QStringLiteral(R"({"id":%1,"contact_id":%2,"company_id":null,"request_id":["%3"],"merged":false,)"
                           R"("_links":{"self":{"href":"https://shop.amocrm.ru/api/v4/leads/%1"}}})")
                .arg(id)
                .arg(id + 11'000'000)
                .arg(n * kMaxLeads + lead);
}

} // namespace

QString LogRowGenerator::orderNumber(qint64 n, int lead)
{
    return QStringLiteral("%1/%2").arg(2400 + (n % 12)).arg(n * kMaxLeads + lead);
}

QString LogRowGenerator::phone(qint64 n, int lead)
{
    // A bijection of the lead number onto nine digits: every lead its own phone.
    const quint64 digits = (quint64(n * kMaxLeads + lead) * 387'420'489ull) % 1'000'000'000ull;
    return QStringLiteral("+79%1").arg(digits, 9, 10, QLatin1Char('0'));
}

QString LogRowGenerator::email(qint64 n, int lead)
{
    return QStringLiteral("client%1@%2").arg(n * kMaxLeads + lead).arg(QLatin1String(kMailDomains[n % 5]));
}

LogRowGenerator::Row LogRowGenerator::row(qint64 n)
{
    Rng rng { quint64(n) };
    Row r;
    const int pick = rng.below(100);
    r.kind = pick < 55 ? Kind::Single : pick < 70 ? Kind::Lookup : pick < 95 ? Kind::Batch : Kind::Backlog;
    r.durationMs = 90 + rng.below(900);
    r.requestHeaders = QStringLiteral("Authorization: ***\nContent-Type: application/json\n"
                                      "User-Agent: CRM Bridge/0.1.0\nX-Request-Id: %1")
                           .arg(n);
    if (r.kind == Kind::Lookup) {
        // The contact lookup before a create: GET by phone, the answer a contact with its leads.
        r.method = QStringLiteral("GET");
        r.url = QStringLiteral("https://shop.amocrm.ru/api/v4/contacts?query=%1&with=leads")
                    .arg(phone(n, 0).mid(1));
        r.keys << phone(n, 0);
        QString leads;
        for (int i = 0, count = 1 + rng.below(8); i < count; ++i) {
            if (i > 0)
                leads += QLatin1Char(',');
            leads += QStringLiteral(
                         R"({"id":%1,"_links":{"self":{"href":"https://shop.amocrm.ru/api/v4/leads/%1"}}})")
                         .arg(29'000'000 + rng.below(1'000'000));
        }
        r.responseBody
            = QStringLiteral(
                  R"({"_page":1,"_links":{"self":{"href":"https://shop.amocrm.ru/api/v4/contacts?query=%1"}},)"
                  R"("_embedded":{"contacts":[{"id":%2,"name":"%3","responsible_user_id":8803121,)"
                  R"("created_at":1733500000,"updated_at":1733590000,"custom_fields_values":[)"
                  R"({"field_id":1290001,"field_code":"PHONE","values":[{"value":"%4","enum_code":"WORK"}]},)"
                  R"({"field_id":1290003,"field_code":"EMAIL","values":[{"value":"%5","enum_code":"WORK"}]}],)"
                  R"("_embedded":{"tags":[],"leads":[%6],"companies":[]}}]}})")
                  .arg(phone(n, 0).mid(1))
                  .arg(41'000'000 + n)
                  .arg(str(kFirstNames[n % 12]), phone(n, 0), email(n, 0), leads);
        return r;
    }
    const int leads = r.kind == Kind::Single ? 1 : r.kind == Kind::Batch ? 5 + rng.below(6) : 50;
    r.method = QStringLiteral("POST");
    r.url = QStringLiteral("https://shop.amocrm.ru/api/v4/leads/complex");
    r.requestBody.reserve(leads * 900);
    r.requestBody += QLatin1Char('[');
    for (int lead = 0; lead < leads; ++lead) {
        if (lead > 0)
            r.requestBody += QLatin1Char(',');
        appendLead(r.requestBody, n, lead, rng);
        r.keys << orderNumber(n, lead) << phone(n, lead) << email(n, lead);
    }
    r.requestBody += QLatin1Char(']');
    const int fate = rng.below(100);
    if (fate < 2) {
        r.status = 400;
        r.error
            = QStringLiteral("validation: NotSupportedChoice at [%1].custom_fields_values.3 (field 1483027)")
                  .arg(rng.below(leads));
        r.responseBody = QStringLiteral(
            R"({"title":"Bad Request","type":"https://httpstatus.es/400","status":400,"detail":"Request validation failed",)"
            R"("validation-errors":[{"request_id":"0","errors":[{"code":"NotSupportedChoice",)"
            R"("path":"custom_fields_values.3.field_id","detail":"The value you selected is not a valid choice."}]}]})");
    } else if (fate < 3) {
        r.status = 0;
        r.error = QStringLiteral("Operation timed out after 30000 ms");
    } else if (n % 9973 == 4999) {
        r.status = 502; // one call in 9,973: a rare text to search for
        r.error = QStringLiteral("HTTP 502: Bad Gateway (nginx upstream)");
        r.responseBody = QStringLiteral("<html><head><title>502 Bad Gateway</title></head></html>");
    } else {
        r.responseBody.reserve(leads * 170);
        r.responseBody += QLatin1Char('[');
        for (int lead = 0; lead < leads; ++lead) {
            if (lead > 0)
                r.responseBody += QLatin1Char(',');
            appendAnswer(r.responseBody, n, lead);
        }
        r.responseBody += QLatin1Char(']');
    }
    return r;
}

QString LogRowGenerator::describeMix()
{
    return QStringLiteral(
        "55% leads/complex of 1 order, 15% contact lookups by phone (GET, the contact in the answer),"
        " 25% leads/complex of 5-10 orders, 5% leads/complex of 50 orders (a backlog round);"
        " 2% answered 400 (validation), 1% no answer, one in 9,973 orders calls a 502");
}

} // namespace Bench
