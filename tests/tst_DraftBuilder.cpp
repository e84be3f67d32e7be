// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Json.h"
#include "mapping/DraftBuilder.h"
#include "support/TestEnv.h"

#include <QFile>
#include <QTest>

using namespace Mapping;
using namespace Model;
using Crm::FieldValue;
using Crm::UpdatePolicy;

namespace {

QJsonObject fixture(const QString &name)
{
    QFile file(TestSupport::sourceDir() + QStringLiteral("/tests/fixtures/mapping/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no fixture %s", qPrintable(name));
    return Common::Json::parseObject(file.readAll()).value();
}

/** The fixture account; its language is English here, so the texts the bridge writes are English
 *  (crmTextsFollowTheConnection checks the Russian account). */
Crm::CrmSchema schema(const QString &language = QStringLiteral("en"))
{
    Crm::CrmSchema s = Crm::CrmSchema::fromJson(fixture(QStringLiteral("schema_amocrm.json"))).value();
    s.language = language;
    return s;
}

Model::ShopOrder russianOrder()
{
    return Model::ShopOrder::fromJson(fixture(QStringLiteral("order_ru.json")));
}

CategoryTree tree()
{
    return CategoryTree({ { "1", "0", QStringLiteral("Каталог") },
                          { "2", "1", QStringLiteral("Техника") },
                          { "21", "2", QStringLiteral("Кофемашины") },
                          { "3", "1", QStringLiteral("Продукты") },
                          { "31", "3", QStringLiteral("Кофе в зёрнах") } });
}

FieldRow row(const QString &id, const QString &source, const FieldTarget &target, Transform transform = {},
             UpdatePolicy policy = UpdatePolicy::Always)
{
    FieldRow r;
    r.id = id;
    r.source = source;
    r.target = target;
    r.transform = transform;
    r.policy = policy;
    return r;
}

/** The seeded mapping for the fixture account, plus what a shop owner typically adds. */
MappingSet mapping()
{
    const Crm::CrmSchema s = schema();
    MappingSet set = MappingSet::defaults(s);
    using K = FieldTarget::Kind;
    using T = Transform::Kind;
    set.orders.rows << row("x1", "user.phone", FieldTarget::standard(K::ContactPhone, "MOB"),
                           Transform::of(T::Phone))
                    << row("x2", "order.created_at", FieldTarget::custom(*s.field("111")))
                    << row("x3", "order.properties.gift_wrap", FieldTarget::custom(*s.field("112")))
                    << row("x4", "order.properties.second_phone",
                           FieldTarget::standard(K::ContactPhone, "OTHER"), Transform::of(T::Phone))
                    << row("x5", "", FieldTarget::standard(K::DealTags),
                           Transform::of(T::Constant, QStringLiteral("Интернет-магазин")));
    set.statuses.rows
        = { { "s1", "1", QStringLiteral("Новый"), "7001", "70011", StatusRow::Direction::Both },
            { "s3", "3", QStringLiteral("Отправлен"), "7001", "142", StatusRow::Direction::Both } };
    set.routing.rules
        = { { "r1", "2", "7002", "70021", "502", true }, { "r3", "31", "7001", "70011", "", true } };
    set.formRouting = { QStringLiteral("7001"), QStringLiteral("70010"), QStringLiteral("501") };
    return set;
}

Crm::DraftField field(const QString &id, const QString &name, const QString &type, const QString &source,
                      const QList<FieldValue> &values)
{
    return { id, name, type, UpdatePolicy::Always, source, values };
}

QStringList notSwitchedOff(const QList<Crm::SkippedRow> &skipped)
{
    QStringList lines;
    for (const Crm::SkippedRow &s : skipped) {
        if (s.reason != QLatin1String("The row is switched off"))
            lines << QStringLiteral("%1 %2 → %3: %4").arg(s.rowId, s.sourcePath, s.target, s.reason);
    }
    return lines;
}

} // namespace

/** The preview: the exact draft a lane would send for a realistic Russian order and a form. */
class TestDraftBuilder : public QObject
{
    Q_OBJECT

private slots:
    void purchaseNoteAndComment();
    void russianOrder()
    {
        const DraftBuilder builder(mapping(), schema(), tree());
        const auto draft = builder.build(::russianOrder());
        QVERIFY2(draft, qPrintable(draft ? QString() : draft.error().message));

        QCOMPARE(draft->sourceKind, QStringLiteral("order"));
        QCOMPARE(draft->sourceId, QStringLiteral("812"));

        Crm::DraftDeal deal;
        deal.name = QStringLiteral("Order #2311/14");
        deal.price = 49470;
        deal.pipelineId = QStringLiteral("7002");
        deal.stageId = QStringLiteral("70021");
        deal.responsibleUserId = QStringLiteral("502");
        deal.tags = QStringList { QStringLiteral("yandex"), QStringLiteral("Интернет-магазин") };
        deal.externalId = QStringLiteral("order:812");
        deal.fields = {
            field("101", QStringLiteral("Номер заказа"), "text", "order.num",
                  { FieldValue::ofText("2311/14") }),
            field("102", QStringLiteral("Доставка"), "select", "order.delivery.name",
                  { FieldValue::ofEnum("1021", QStringLiteral("Курьер по Москве")) }),
            field("103", QStringLiteral("Оплата"), "text", "order.payment.name",
                  { FieldValue::ofText(QStringLiteral("Картой онлайн")) }),
            field("105", QStringLiteral("Стоимость доставки"), "numeric", "order.delivery_cost",
                  { FieldValue::ofNumber(500) }),
            field("104", QStringLiteral("Адрес доставки"), "textarea", "address.full",
                  { FieldValue::ofText(QStringLiteral("101000, Москва, ул. Мясницкая, 12, 34")) }),
            field("106", "utm_source", "tracking_data", "utm.source", { FieldValue::ofText("yandex") }),
            field("107", "utm_medium", "tracking_data", "utm.medium", { FieldValue::ofText("cpc") }),
            field("108", "utm_campaign", "tracking_data", "utm.campaign",
                  { FieldValue::ofText("coffee_autumn") }),
            field("111", QStringLiteral("Дата заказа"), "date", "order.created_at",
                  { FieldValue::ofNumber(1699954200) }),
            field("112", QStringLiteral("Подарочная упаковка"), "checkbox", "order.properties.gift_wrap",
                  { FieldValue::ofBool(true) }),
        };
        QCOMPARE(draft->deal.fields, deal.fields);
        QCOMPARE(draft->deal, deal);

        Crm::DraftContact contact;
        contact.name = QStringLiteral("Иванова Мария Сергеевна");
        contact.phones = { { "+79123456789", "WORK" }, { "+79031112233", "MOB" } };
        contact.emails = { { "petr.ivanov@example.ru", "WORK" } };
        contact.policies = { { "name", UpdatePolicy::OnlyIfEmpty } };
        QCOMPARE(draft->contact, contact);
        QVERIFY(!draft->company);

        QCOMPARE(draft->note,
                 QStringLiteral("Order #2311/14\n"
                                "Products:\n"
                                "1. Кофемашина DeLonghi Magnifica S × 1 × 45990 = 45990\n"
                                "2. Кофе в зёрнах Lavazza Qualità Oro (вес: 1 кг) × 2 × 1490 = 2980\n"
                                "Cart total: 48970\n"
                                "Delivery: Курьер по Москве — 500\n"
                                "Payment: Картой онлайн\n"
                                "Total: 49470\n"
                                "Address: 101000, Москва, ул. Мясницкая, 12, 34\n"
                                "Comment: Позвоните за час до доставки\n"
                                "UTM: utm_campaign=coffee_autumn, utm_medium=cpc, utm_source=yandex"));

        QCOMPARE(draft->routing.origin, QStringLiteral("category"));
        QCOMPARE(draft->routing.ruleId, QStringLiteral("r1"));
        QCOMPARE(
            draft->routing.explanation,
            QStringLiteral(
                "Product “Кофемашина DeLonghi Magnifica S” (cart line 1) is in category “Кофемашины” under "
                "“Техника”, which routes it to pipeline “Опт”, stage “Заявка”. Responsible user Игорь Петров "
                "comes from category “Техника”."));

        QCOMPARE(notSwitchedOff(draft->skipped),
                 (QStringList {
                     QStringLiteral("o15 utm.content → deal.field:109: The value is empty"),
                     QStringLiteral("o16 utm.term → deal.field:110: The value is empty"),
                     QStringLiteral("o17 customer.company → company.name: The value is empty"),
                     QStringLiteral(
                         "x4 order.properties.second_phone → contact.phone: “позвоните после 18:00” is not a "
                         "phone number") }));
        // Every row is accounted for: applied, or skipped with a reason.
        const MappingSet set = mapping();
        const qsizetype inactive = std::count_if(set.orders.rows.cbegin(), set.orders.rows.cend(),
                                                 [](const FieldRow &r) { return !r.active; });
        QCOMPARE(draft->skipped.size(), inactive + 4);
        QVERIFY(std::any_of(draft->skipped.cbegin(), draft->skipped.cend(), [](const Crm::SkippedRow &s) {
            return s.rowId == QLatin1String("o10") && s.target == QStringLiteral("deal.new:order comment");
        }));
    }

    /** Names and notes follow the account's language, or the mapping's, never the process's. */
    void crmTextsFollowTheConnection()
    {
        const Crm::CrmSchema russian = schema(QStringLiteral("ru"));
        MappingSet set = MappingSet::defaults(russian);
        QCOMPARE(set.orders.dealNameTemplate, QStringLiteral("Заказ №{order.num}"));
        QCOMPARE(set.forms.dealNameTemplate, QStringLiteral("Заявка: {form.name}"));
        auto draft = DraftBuilder(set, russian, tree()).build(::russianOrder());
        QVERIFY(draft);
        QCOMPARE(draft->deal.name, QStringLiteral("Заказ №2311/14"));
        QVERIFY2(draft->note.startsWith(QStringLiteral("Заказ №2311/14\nТовары:\n1. Кофемашина")),
                 qPrintable(draft->note));
        QVERIFY(draft->note.contains(QStringLiteral("\nИтого: 49470\n")));
        QVERIFY(draft->note.contains(QStringLiteral("\nДоставка: Курьер по Москве — 500\n")));

        // The mapping names English for this connection: the Russian account gets English notes.
        set.language = QStringLiteral("en");
        draft = DraftBuilder(set, russian, tree()).build(::russianOrder());
        QVERIFY(draft->note.startsWith(QStringLiteral("Order #2311/14\nProducts:\n")));
        const auto reread = MappingSet::fromJson(set.toJson());
        QVERIFY(reread);
        QCOMPARE(reread->language, QStringLiteral("en"));

        QJsonObject wrong = set.toJson();
        wrong.insert(QStringLiteral("language"), QStringLiteral("de"));
        QVERIFY(!MappingSet::fromJson(wrong));
    }

    void draftJsonRoundTrip()
    {
        const auto draft = DraftBuilder(mapping(), schema(), tree()).build(::russianOrder());
        QVERIFY(draft);
        const auto back = Crm::DealDraft::fromJson(
            Common::Json::parseObject(Common::Json::compact(draft->toJson())).value());
        QVERIFY(back);
        QCOMPARE(back.value(), draft.value());
        QVERIFY(!Crm::DealDraft::fromJson(
            Common::Json::parseObject(R"({"deal":{"policies":{"name":"sometimes"}}})").value()));
        QVERIFY(!Crm::DealDraft::fromJson(
            Common::Json::parseObject(
                R"({"contact":{"fields":[{"field_id":"1","policy":"always","values":[{}]}]}})")
                .value()));
    }

    void samePhoneInTwoFormsIsOneNumber()
    {
        Model::ShopOrder order = ::russianOrder();
        order.customer.phone
            = QStringLiteral("+7 912 345 67 89"); // the account holds the 8 (912) … number too
        const auto draft = DraftBuilder(mapping(), schema(), tree()).build(order);
        QVERIFY(draft);
        QCOMPARE(draft->contact.phones, (QList<Crm::ContactChannel> { { "+79123456789", "WORK" } }));
    }

    void statusMapPlacesTheDeal_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QStringList>("categories");
        QTest::addColumn<QString>("pipeline");
        QTest::addColumn<QString>("stage");
        QTest::newRow("new coffee order: status row of its pipeline") << "1" << QStringList { "31" } << "7001"
                                                                      << "70011";
        QTest::newRow("new machine order: rule's stage in Опт") << "1" << QStringList { "21" } << "7002"
                                                                << "70021";
        QTest::newRow("imported sent order lands in won, in its pipeline")
            << "3" << QStringList { "21" } << "7002"
            << "142";
        QTest::newRow("unrouted order: main pipeline, first stage") << "2" << QStringList { "77" } << "7001"
                                                                    << "70011";
    }

    void statusMapPlacesTheDeal()
    {
        QFETCH(QString, status);
        QFETCH(QStringList, categories);
        QFETCH(QString, pipeline);
        QFETCH(QString, stage);
        Model::ShopOrder order = ::russianOrder();
        order.statusId = status;
        order.lines.resize(1);
        order.lines[0].categoryIds = categories;
        const auto draft = DraftBuilder(mapping(), schema(), tree()).build(order);
        QVERIFY2(draft, qPrintable(draft ? QString() : draft.error().message));
        QCOMPARE(draft->deal.pipelineId, pipeline);
        QCOMPARE(draft->deal.stageId, stage);
    }

    void brokenRowFailsTheJob()
    {
        const Crm::CrmSchema before = schema();
        Crm::CrmSchema after = before;
        after.fields.removeIf([](const Crm::CustomField &f) { return f.id == QLatin1String("104"); });
        const DraftBuilder builder(mapping(), after, tree(), Crm::diff(before, after));
        const auto draft = builder.build(::russianOrder());
        QVERIFY(!draft);
        QCOMPARE(draft.error().kind, Common::ErrorKind::Permanent);
        QCOMPARE(draft.error().code, QStringLiteral("mapping-broken"));
        QCOMPARE(
            draft.error().message,
            QStringLiteral("The mapping is broken: Order fields: Field “Адрес доставки” (104) was deleted"));
        QCOMPARE(draft.error().details.value("problems").toArray().size(), 1);
    }

    void brokenRuleFailsOnlyOrdersItRoutes()
    {
        Crm::CrmSchema s = schema();
        s.users[1].active = false; // 502, responsible in rule r1
        const DraftBuilder builder(mapping(), s, tree());
        const auto machine = builder.build(::russianOrder());
        QVERIFY(!machine);
        QCOMPARE(machine.error().message,
                 QStringLiteral("The mapping is broken: Routing: User “Игорь Петров” (502) is deactivated"));
        Model::ShopOrder coffee = ::russianOrder();
        coffee.lines.removeFirst();
        QVERIFY(builder.build(coffee));
    }

    void brokenTemplateFailsTheJob()
    {
        MappingSet set = mapping();
        set.orders.tagTemplates << QStringLiteral("{order.nope}");
        const auto draft = DraftBuilder(set, schema(), tree()).build(::russianOrder());
        QVERIFY(!draft);
        QCOMPARE(
            draft.error().message,
            QStringLiteral(
                "The mapping is broken: Order fields: The tag template names an unknown field {order.nope}"));
        // The form map does not use the order templates.
        Model::FormSubmission form;
        form.formName = QStringLiteral("callback");
        QVERIFY(DraftBuilder(set, schema()).build(form));
    }

    void dataThatDoesNotFitIsSkipped_data()
    {
        QTest::addColumn<QString>("property");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("delivery not among the field's values")
            << "delivery" << QStringLiteral("Курьер СДЭК")
            << QStringLiteral(
                   "o6 order.delivery.name → deal.field:102: Field “Доставка” has no value “Курьер СДЭК”");
        QTest::newRow("a flag that is neither yes nor no")
            << "gift_wrap" << QStringLiteral("может быть")
            << QStringLiteral(
                   "x3 order.properties.gift_wrap → deal.field:112: “может быть” is neither yes nor no");
    }

    void dataThatDoesNotFitIsSkipped()
    {
        QFETCH(QString, property);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        Model::ShopOrder order = ::russianOrder();
        if (property == QLatin1String("delivery"))
            order.deliveryName = value;
        else
            order.properties.insert(property, value);
        const auto draft = DraftBuilder(mapping(), schema(), tree()).build(order);
        QVERIFY2(draft, qPrintable(draft ? QString() : draft.error().message));
        QVERIFY2(notSwitchedOff(draft->skipped).contains(expected),
                 qPrintable(notSwitchedOff(draft->skipped).join('\n')));
    }

    void inactiveBrokenRowDoesNotFail()
    {
        MappingSet set = mapping();
        for (FieldRow &r : set.orders.rows) {
            if (r.id == QLatin1String("o9"))
                r.active = false;
        }
        Crm::CrmSchema s = schema();
        s.fields.removeIf([](const Crm::CustomField &f) { return f.id == QLatin1String("104"); });
        QVERIFY(DraftBuilder(set, s, tree()).build(::russianOrder()));
    }

    void policies_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("targetKind");
        QTest::addColumn<int>("policy");
        QTest::addColumn<bool>("skipEmpty");
        QTest::addColumn<QString>("expected"); // what the draft says about the target

        using K = FieldTarget::Kind;
        QTest::newRow("contact name never overwritten")
            << "customer.name" << int(K::ContactName) << int(UpdatePolicy::Never) << true
            << "contact name: never";
        QTest::newRow("phone only when empty")
            << "customer.phone" << int(K::ContactPhone) << int(UpdatePolicy::OnlyIfEmpty) << true
            << "contact phone: if-empty";
        QTest::newRow("price always")
            << "order.cost" << int(K::DealPrice) << int(UpdatePolicy::Always) << true << "deal price: always";
        QTest::newRow("responsible by email")
            << "order.properties.manager" << int(K::DealResponsible) << int(UpdatePolicy::Never) << true
            << "deal responsible: never";
        QTest::newRow("custom field only when empty")
            << "order.comment" << int(K::CustomField) << int(UpdatePolicy::OnlyIfEmpty) << true
            << "field 203: if-empty";
        QTest::newRow("empty value skipped")
            << "address.region" << int(K::CustomField) << int(UpdatePolicy::Always) << true
            << "skipped: The value is empty";
        QTest::newRow("empty value clears the field")
            << "address.region" << int(K::CustomField) << int(UpdatePolicy::Always) << false
            << "field 203: cleared";
        QTest::newRow("empty standard field is never cleared")
            << "address.region" << int(K::ContactLastName) << int(UpdatePolicy::Always) << false
            << "skipped: The value is empty";
    }

    void policies()
    {
        QFETCH(QString, source);
        QFETCH(int, targetKind);
        QFETCH(int, policy);
        QFETCH(bool, skipEmpty);
        QFETCH(QString, expected);
        const Crm::CrmSchema s = schema();
        MappingSet set;
        FieldRow r = row("p1", source,
                         targetKind == int(FieldTarget::Kind::CustomField)
                             ? FieldTarget::custom(*s.field("203"))
                             : FieldTarget::standard(FieldTarget::Kind(targetKind)));
        r.policy = UpdatePolicy(policy);
        r.skipEmpty = skipEmpty;
        set.orders.rows = { r };
        Model::ShopOrder order = ::russianOrder();
        order.properties.insert(QStringLiteral("manager"), QStringLiteral("Anna@Shop.Example"));
        const auto draft = DraftBuilder(set, s).build(order);
        QVERIFY2(draft, qPrintable(draft ? QString() : draft.error().message));
        QString actual;
        if (!draft->skipped.isEmpty())
            actual = QStringLiteral("skipped: ") + draft->skipped.first().reason;
        else if (!draft->contact.fields.isEmpty())
            actual = QStringLiteral("field 203: ")
                + (draft->contact.fields.first().values.isEmpty()
                       ? QStringLiteral("cleared")
                       : Crm::updatePolicyName(draft->contact.fields.first().policy));
        else if (!draft->contact.policies.isEmpty())
            actual = QStringLiteral("contact %1: %2")
                         .arg(draft->contact.policies.firstKey(),
                              Crm::updatePolicyName(draft->contact.policies.first()));
        else if (!draft->deal.policies.isEmpty())
            actual = QStringLiteral("deal %1: %2")
                         .arg(draft->deal.policies.firstKey(),
                              Crm::updatePolicyName(draft->deal.policies.first()));
        else if (draft->deal.price)
            actual = QStringLiteral("deal price: always");
        QCOMPARE(actual, expected);
        if (source == QLatin1String("order.properties.manager"))
            QCOMPARE(draft->deal.responsibleUserId, QStringLiteral("501"));
    }

    void formRequest()
    {
        Model::FormSubmission form;
        form.id = QStringLiteral("f-77");
        form.formName = QStringLiteral("Заказать звонок");
        form.pageUrl = QStringLiteral("https://shop.example/kofemashiny/");
        form.fields = { { QStringLiteral("Имя"), QStringLiteral("Анна") },
                        { QStringLiteral("Телефон"), QStringLiteral("8 912 345 67 89") },
                        { QStringLiteral("Комментарий"), QStringLiteral("Перезвоните вечером") },
                        { QStringLiteral("email"), QString() } };
        form.utm = { { QStringLiteral("utm_source"), QStringLiteral("google") } };
        const auto draft = DraftBuilder(mapping(), schema()).build(form);
        QVERIFY2(draft, qPrintable(draft ? QString() : draft.error().message));
        QCOMPARE(draft->sourceKind, QStringLiteral("form"));
        QCOMPARE(draft->deal.name, QStringLiteral("Request: Заказать звонок"));
        QCOMPARE(draft->deal.pipelineId, QStringLiteral("7001"));
        QCOMPARE(draft->deal.stageId, QStringLiteral("70010"));
        QCOMPARE(draft->deal.responsibleUserId, QStringLiteral("501"));
        QCOMPARE(draft->deal.tags,
                 (QStringList { QStringLiteral("Заказать звонок"), QStringLiteral("google") }));
        QCOMPARE(draft->deal.fields,
                 (QList<Crm::DraftField> { field("106", "utm_source", "tracking_data", "utm.source",
                                                 { FieldValue::ofText("google") }) }));
        QCOMPARE(draft->contact.name, QStringLiteral("Анна"));
        QCOMPARE(draft->contact.phones, (QList<Crm::ContactChannel> { { "+79123456789", "WORK" } }));
        QVERIFY(draft->contact.emails.isEmpty());
        QCOMPARE(draft->note,
                 QStringLiteral(
                     "Form: Заказать звонок\nPage: https://shop.example/kofemashiny/\nИмя: Анна\n"
                     "Телефон: 8 912 345 67 89\nКомментарий: Перезвоните вечером\nUTM: utm_source=google"));
        QCOMPARE(draft->routing.explanation,
                 QStringLiteral("Requests from forms go to pipeline “Розница”, stage “Неразобранное”."));
        QCOMPARE(notSwitchedOff(draft->skipped),
                 (QStringList { QStringLiteral("f3 customer.email → contact.email: The value is empty"),
                                QStringLiteral("f6 utm.medium → deal.field:107: The value is empty"),
                                QStringLiteral("f7 utm.campaign → deal.field:108: The value is empty"),
                                QStringLiteral("f8 utm.content → deal.field:109: The value is empty"),
                                QStringLiteral("f9 utm.term → deal.field:110: The value is empty") }));
    }
};

void TestDraftBuilder::purchaseNoteAndComment()
{
    // Roubles as managers write them: groups of three by a space, kopecks only when there are some.
    QCOMPARE(roubles(12345), QStringLiteral("12 345 ₽"));
    QCOMPARE(roubles(1234.5), QStringLiteral("1 234,50 ₽"));
    QCOMPARE(roubles(999), QStringLiteral("999 ₽"));
    QCOMPARE(roubles(1000000.07), QStringLiteral("1 000 000,07 ₽"));
    ShopOrder sale;
    sale.id = QStringLiteral("5f1c0b2e-0000-4000-8000-000000000001");
    sale.number = QStringLiteral("00012");
    sale.cost = 12345;
    OrderLine camera;
    camera.name = QStringLiteral("Камера Canon EOS");
    camera.quantity = 1;
    OrderLine card;
    card.name = QStringLiteral("Карта памяти SD 128 ГБ");
    card.quantity = 2;
    sale.lines = { camera, card };
    const CrmTexts ru = CrmTexts::forLanguage(QStringLiteral("ru"));
    QCOMPARE(
        purchaseNote(sale, ru),
        QStringLiteral(
            "Покупка на 12 345 ₽: Камера Canon EOS, Карта памяти SD 128 ГБ × "
            "2"));
    QCOMPARE(purchaseComment(sale, ru), QStringLiteral("Продажа 00012 · ") + sale.id);
    QCOMPARE(purchaseNote(sale, CrmTexts::forLanguage(QStringLiteral("en"))).left(24),
             QStringLiteral("Purchase of 12 345 ₽: Ка"));
    sale.lines.clear();
    QCOMPARE(purchaseNote(sale, ru), QStringLiteral("Покупка на 12 345 ₽"));
}

QTEST_GUILESS_MAIN(TestDraftBuilder)
#include "tst_DraftBuilder.moc"
