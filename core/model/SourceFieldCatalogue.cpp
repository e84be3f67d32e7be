// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceFieldCatalogue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <functional>

namespace Model {

namespace {
/** The labels keep the translation context "Mapping": the mapping editor shows them. */
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Mapping)
};
} // namespace

using Model::FormSubmission;
using Model::ShopOrder;
using Type = SourceField::Type;

namespace {

struct OrderPath
{
    const char *path;
    const char *label; // QT_TRANSLATE_NOOP, translated when listed
    Type type;
    std::function<QStringList(const ShopOrder &)> read;
};

QStringList one(const QString &value)
{
    return value.trimmed().isEmpty() ? QStringList() : QStringList { value };
}

QStringList number(double value)
{
    return { SourceFieldCatalogue::formatNumber(value) };
}

QStringList date(const QDateTime &value)
{
    return value.isValid() ? QStringList { value.toUTC().toString(Qt::ISODate) } : QStringList();
}

const QList<OrderPath> &orderPaths()
{
    static const QList<OrderPath> s_paths = {
        { "order.id", QT_TRANSLATE_NOOP("Mapping", "Order id"), Type::Text,
          [](auto &o) { return one(o.id); } },
        { "order.num", QT_TRANSLATE_NOOP("Mapping", "Order number"), Type::Text,
          [](auto &o) { return one(o.number); } },
        { "order.cost", QT_TRANSLATE_NOOP("Mapping", "Order total"), Type::Number,
          [](auto &o) { return number(o.cost); } },
        { "order.cart_cost", QT_TRANSLATE_NOOP("Mapping", "Cart total"), Type::Number,
          [](auto &o) { return number(o.cartCost); } },
        { "order.delivery_cost", QT_TRANSLATE_NOOP("Mapping", "Delivery cost"), Type::Number,
          [](auto &o) { return number(o.deliveryCost); } },
        { "order.weight", QT_TRANSLATE_NOOP("Mapping", "Weight"), Type::Number,
          [](auto &o) { return number(o.weight); } },
        { "order.comment", QT_TRANSLATE_NOOP("Mapping", "Order comment"), Type::Text,
          [](auto &o) { return one(o.comment); } },
        { "order.status", QT_TRANSLATE_NOOP("Mapping", "Order status"), Type::Text,
          [](auto &o) { return one(o.statusName.isEmpty() ? o.statusId : o.statusName); } },
        { "order.status_id", QT_TRANSLATE_NOOP("Mapping", "Order status id"), Type::Text,
          [](auto &o) { return one(o.statusId); } },
        { "order.delivery.name", QT_TRANSLATE_NOOP("Mapping", "Delivery method"), Type::Text,
          [](auto &o) { return one(o.deliveryName); } },
        { "order.payment.name", QT_TRANSLATE_NOOP("Mapping", "Payment method"), Type::Text,
          [](auto &o) { return one(o.paymentName); } },
        { "order.created_at", QT_TRANSLATE_NOOP("Mapping", "Order date"), Type::Date,
          [](auto &o) { return date(o.createdAt); } },
        { "order.context", QT_TRANSLATE_NOOP("Mapping", "Shop context"), Type::Text,
          [](auto &o) { return one(o.context); } },
        { "order.products_text", QT_TRANSLATE_NOOP("Mapping", "Products (text)"), Type::Text,
          [](auto &o) { return one(SourceFieldCatalogue::productsText(o)); } },
        { "order.products_count", QT_TRANSLATE_NOOP("Mapping", "Number of items"), Type::Number,
          [](auto &o) {
              double count = 0;
              for (const auto &line : o.lines)
                  count += line.quantity;
              return number(count);
          } },
        { "order.products", QT_TRANSLATE_NOOP("Mapping", "Product names (list)"), Type::List,
          [](auto &o) {
              QStringList names;
              for (const auto &line : o.lines)
                  names << line.name;
              return names;
          } },
        { "order.articles", QT_TRANSLATE_NOOP("Mapping", "Product articles (list)"), Type::List,
          [](auto &o) {
              QStringList articles;
              for (const auto &line : o.lines) {
                  if (!line.article.isEmpty())
                      articles << line.article;
              }
              return articles;
          } },
        { "customer.name", QT_TRANSLATE_NOOP("Mapping", "Customer name"), Type::Text,
          [](auto &o) { return one(o.address.receiver.isEmpty() ? o.customer.name : o.address.receiver); } },
        { "customer.phone", QT_TRANSLATE_NOOP("Mapping", "Customer phone"), Type::Phone,
          [](auto &o) { return one(o.address.phone.isEmpty() ? o.customer.phone : o.address.phone); } },
        { "customer.email", QT_TRANSLATE_NOOP("Mapping", "Customer email"), Type::Email,
          [](auto &o) { return one(o.address.email.isEmpty() ? o.customer.email : o.address.email); } },
        { "customer.company", QT_TRANSLATE_NOOP("Mapping", "Customer's company"), Type::Text,
          [](auto &o) { return one(o.customer.extra.value(QStringLiteral("company")).toString()); } },
        { "user.id", QT_TRANSLATE_NOOP("Mapping", "Shop user id"), Type::Text,
          [](auto &o) { return one(o.customer.id); } },
        { "user.name", QT_TRANSLATE_NOOP("Mapping", "Shop user name"), Type::Text,
          [](auto &o) { return one(o.customer.name); } },
        { "user.phone", QT_TRANSLATE_NOOP("Mapping", "Shop user phone"), Type::Phone,
          [](auto &o) { return one(o.customer.phone); } },
        { "user.email", QT_TRANSLATE_NOOP("Mapping", "Shop user email"), Type::Email,
          [](auto &o) { return one(o.customer.email); } },
        { "address.receiver", QT_TRANSLATE_NOOP("Mapping", "Receiver"), Type::Text,
          [](auto &o) { return one(o.address.receiver); } },
        { "address.phone", QT_TRANSLATE_NOOP("Mapping", "Receiver phone"), Type::Phone,
          [](auto &o) { return one(o.address.phone); } },
        { "address.email", QT_TRANSLATE_NOOP("Mapping", "Receiver email"), Type::Email,
          [](auto &o) { return one(o.address.email); } },
        { "address.country", QT_TRANSLATE_NOOP("Mapping", "Country"), Type::Text,
          [](auto &o) { return one(o.address.country); } },
        { "address.index", QT_TRANSLATE_NOOP("Mapping", "Postcode"), Type::Text,
          [](auto &o) { return one(o.address.index); } },
        { "address.region", QT_TRANSLATE_NOOP("Mapping", "Region"), Type::Text,
          [](auto &o) { return one(o.address.region); } },
        { "address.city", QT_TRANSLATE_NOOP("Mapping", "City"), Type::Text,
          [](auto &o) { return one(o.address.city); } },
        { "address.metro", QT_TRANSLATE_NOOP("Mapping", "Metro station"), Type::Text,
          [](auto &o) { return one(o.address.metro); } },
        { "address.street", QT_TRANSLATE_NOOP("Mapping", "Street"), Type::Text,
          [](auto &o) { return one(o.address.street); } },
        { "address.building", QT_TRANSLATE_NOOP("Mapping", "Building"), Type::Text,
          [](auto &o) { return one(o.address.building); } },
        { "address.entrance", QT_TRANSLATE_NOOP("Mapping", "Entrance"), Type::Text,
          [](auto &o) { return one(o.address.entrance); } },
        { "address.floor", QT_TRANSLATE_NOOP("Mapping", "Floor"), Type::Text,
          [](auto &o) { return one(o.address.floor); } },
        { "address.room", QT_TRANSLATE_NOOP("Mapping", "Flat / office"), Type::Text,
          [](auto &o) { return one(o.address.room); } },
        { "address.comment", QT_TRANSLATE_NOOP("Mapping", "Address comment"), Type::Text,
          [](auto &o) { return one(o.address.comment); } },
        { "address.text", QT_TRANSLATE_NOOP("Mapping", "Address as typed"), Type::Text,
          [](auto &o) { return one(o.address.text); } },
        { "address.full", QT_TRANSLATE_NOOP("Mapping", "Full address"), Type::Text,
          [](auto &o) { return one(SourceFieldCatalogue::fullAddress(o.address)); } },
    };
    return s_paths;
}

struct FormPath
{
    const char *path;
    const char *label;
    Type type;
};

const QList<FormPath> &formMetaPaths()
{
    static const QList<FormPath> s_paths = {
        { "form.id", QT_TRANSLATE_NOOP("Mapping", "Request id"), Type::Text },
        { "form.name", QT_TRANSLATE_NOOP("Mapping", "Form name"), Type::Text },
        { "form.page_url", QT_TRANSLATE_NOOP("Mapping", "Page URL"), Type::Text },
        { "form.client_ip", QT_TRANSLATE_NOOP("Mapping", "Visitor IP address"), Type::Text },
        { "form.received_at", QT_TRANSLATE_NOOP("Mapping", "Request date"), Type::Date },
        { "form.fields_text", QT_TRANSLATE_NOOP("Mapping", "All fields (text)"), Type::Text },
        { "customer.name", QT_TRANSLATE_NOOP("Mapping", "Customer name (guessed from the fields)"),
          Type::Text },
        { "customer.phone", QT_TRANSLATE_NOOP("Mapping", "Customer phone (guessed from the fields)"),
          Type::Phone },
        { "customer.email", QT_TRANSLATE_NOOP("Mapping", "Customer email (guessed from the fields)"),
          Type::Email },
    };
    return s_paths;
}

const char *const kUtmKeys[] = { "source", "medium", "campaign", "content", "term" };

QList<SourceField> utmFields()
{
    QList<SourceField> fields;
    for (const char *key : kUtmKeys)
        fields.append({ QStringLiteral("utm.") + QLatin1String(key),
                        QStringLiteral("utm_") + QLatin1String(key), Type::Text });
    return fields;
}

// utm.source reads "utm_source" (how sources store it) or "source".
QStringList utmValue(const QMap<QString, QString> &utm, const QString &key)
{
    const QString value = utm.value(QStringLiteral("utm_") + key, utm.value(key));
    return one(value);
}

QStringList jsonValues(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return one(value.toString());
    case QJsonValue::Double:
        return number(value.toDouble());
    case QJsonValue::Bool:
        return { value.toBool() ? QStringLiteral("1") : QStringLiteral("0") };
    case QJsonValue::Array: {
        QStringList values;
        for (const QJsonValue &item : value.toArray())
            values << jsonValues(item);
        return values;
    }
    case QJsonValue::Object:
        return { QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)) };
    default:
        return {};
    }
}

const QStringList &guessNames(const QString &what)
{
    static const QStringList s_name
        = { QStringLiteral("name"),      QStringLiteral("fio"),       QStringLiteral("fullname"),
            QStringLiteral("full_name"), QStringLiteral("your-name"), QStringLiteral("имя"),
            QStringLiteral("фио") };
    static const QStringList s_phone
        = { QStringLiteral("phone"),  QStringLiteral("tel"),        QStringLiteral("telephone"),
            QStringLiteral("mobile"), QStringLiteral("your-phone"), QStringLiteral("телефон") };
    static const QStringList s_email
        = { QStringLiteral("email"), QStringLiteral("e-mail"), QStringLiteral("mail"),
            QStringLiteral("your-email"), QStringLiteral("почта") };
    if (what == QLatin1String("name"))
        return s_name;
    return what == QLatin1String("phone") ? s_phone : s_email;
}

QStringList formField(const FormSubmission &form, const QString &name)
{
    for (const auto &[key, value] : form.fields) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return one(value);
    }
    return {};
}

} // namespace

QString SourceFieldCatalogue::formatNumber(double value)
{
    if (value == double(qint64(value)))
        return QString::number(qint64(value));
    QString text = QString::number(value, 'f', 6);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

QString SourceFieldCatalogue::productsText(const ShopOrder &order)
{
    QStringList lines;
    for (const Model::OrderLine &line : order.lines) {
        QString name = line.name;
        QStringList options;
        for (auto it = line.options.begin(); it != line.options.end(); ++it) {
            const QStringList values = jsonValues(it.value());
            if (!values.isEmpty())
                options << it.key() + QStringLiteral(": ") + values.join(QLatin1String(", "));
        }
        if (!options.isEmpty())
            name += QStringLiteral(" (") + options.join(QLatin1String(", ")) + QLatin1Char(')');
        const double cost = line.cost != 0 ? line.cost : line.price * line.quantity;
        lines << QStringLiteral("%1 × %2 × %3 = %4")
                     .arg(name, formatNumber(line.quantity), formatNumber(line.price), formatNumber(cost));
    }
    return lines.join(QLatin1Char('\n'));
}

QString SourceFieldCatalogue::fullAddress(const Model::Address &a)
{
    QStringList parts;
    for (const QString &part : { a.index, a.region, a.city, a.street, a.building, a.room }) {
        if (!part.trimmed().isEmpty())
            parts << part.trimmed();
    }
    // A shop that keeps the address as one typed text (Bitrix's IS_ADDRESS property) next to a postcode
    // or city: the text is the street part.
    if (a.street.trimmed().isEmpty() && !a.text.trimmed().isEmpty() && !parts.contains(a.text.trimmed()))
        parts << a.text.trimmed();
    return parts.join(QLatin1String(", "));
}

QList<SourceField> SourceFieldCatalogue::forOrders(const QStringList &propertyKeys)
{
    QList<SourceField> fields;
    for (const OrderPath &p : orderPaths())
        fields.append({ QLatin1String(p.path), Text::tr(p.label), p.type });
    fields << utmFields();
    for (const QString &key : propertyKeys)
        fields.append({ QStringLiteral("order.properties.") + key, Text::tr("Order property %1").arg(key),
                        Type::Text });
    return fields;
}

QList<SourceField> SourceFieldCatalogue::forForms(const QStringList &fieldNames)
{
    QList<SourceField> fields;
    for (const FormPath &p : formMetaPaths())
        fields.append({ QLatin1String(p.path), Text::tr(p.label), p.type });
    fields << utmFields();
    for (const QString &name : fieldNames) {
        const QString path = QStringLiteral("form.") + name;
        const bool reserved
            = std::any_of(formMetaPaths().cbegin(), formMetaPaths().cend(),
                          [&path](const FormPath &p) { return path == QLatin1String(p.path); });
        fields.append({ reserved ? QStringLiteral("form.fields.") + name : path,
                        Text::tr("Form field %1").arg(name), Type::Text });
    }
    return fields;
}

QList<SourceField> SourceFieldCatalogue::forKind(SourceKind kind)
{
    return kind == SourceKind::Order ? forOrders() : forForms();
}

std::optional<SourceField> SourceFieldCatalogue::describe(SourceKind kind, const QString &path)
{
    for (const SourceField &f : forKind(kind)) {
        if (f.path == path)
            return f;
    }
    if (kind == SourceKind::Order && path.startsWith(QLatin1String("order.properties.")) && path.size() > 17)
        return SourceField { path, Text::tr("Order property %1").arg(path.mid(17)), Type::Text };
    if (kind == SourceKind::Form && path.startsWith(QLatin1String("form.")) && path.size() > 5) {
        const QString name = path.startsWith(QLatin1String("form.fields.")) ? path.mid(12) : path.mid(5);
        if (!name.isEmpty())
            return SourceField { path, Text::tr("Form field %1").arg(name), Type::Text };
    }
    return std::nullopt;
}

bool SourceFieldCatalogue::isKnown(SourceKind kind, const QString &path)
{
    return describe(kind, path).has_value();
}

std::optional<QStringList> SourceFieldCatalogue::resolve(const QString &path, const ShopOrder &order)
{
    for (const OrderPath &p : orderPaths()) {
        if (path == QLatin1String(p.path))
            return p.read(order);
    }
    if (path.startsWith(QLatin1String("utm.")))
        return utmValue(order.utm, path.mid(4));
    if (path.startsWith(QLatin1String("order.properties.")) && path.size() > 17) {
        // Nested keys are dotted: order.properties.amoCRMFields.pipeline_id
        QJsonValue value = order.properties;
        for (const QString &key : path.mid(17).split(QLatin1Char('.')))
            value = value.toObject().value(key);
        return jsonValues(value);
    }
    return std::nullopt;
}

std::optional<QStringList> SourceFieldCatalogue::resolve(const QString &path, const FormSubmission &form)
{
    if (path == QLatin1String("form.id"))
        return one(form.id);
    if (path == QLatin1String("form.name"))
        return one(form.formName);
    if (path == QLatin1String("form.page_url"))
        return one(form.pageUrl);
    if (path == QLatin1String("form.client_ip"))
        return one(form.clientIp);
    if (path == QLatin1String("form.received_at"))
        return date(form.receivedAt);
    if (path == QLatin1String("form.fields_text")) {
        QStringList lines;
        for (const auto &[key, value] : form.fields) {
            if (!value.trimmed().isEmpty())
                lines << key + QStringLiteral(": ") + value.trimmed();
        }
        return one(lines.join(QLatin1Char('\n')));
    }
    if (path.startsWith(QLatin1String("customer."))) {
        const QString what = path.mid(9);
        if (what != QLatin1String("name") && what != QLatin1String("phone") && what != QLatin1String("email"))
            return std::nullopt;
        // The first non-empty field, in the order the form sent them, whose name is a usual one.
        const QStringList &candidates = guessNames(what);
        for (const auto &[key, value] : form.fields) {
            if (candidates.contains(key.trimmed(), Qt::CaseInsensitive) && !value.trimmed().isEmpty())
                return QStringList { value };
        }
        return QStringList();
    }
    if (path.startsWith(QLatin1String("utm.")))
        return utmValue(form.utm, path.mid(4));
    if (path.startsWith(QLatin1String("form.fields.")) && path.size() > 12)
        return formField(form, path.mid(12));
    if (path.startsWith(QLatin1String("form.")) && path.size() > 5)
        return formField(form, path.mid(5));
    return std::nullopt;
}

} // namespace Model
